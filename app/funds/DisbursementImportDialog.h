#pragma once

#include "common/funds/DisbursementImport.h"

#include <QDialog>
#include <atomic>
#include <memory>

class QAbstractItemModel;
class QPushButton;

namespace Ui {
class DisbursementImportDialog;
}

namespace sunshine::app {

class ClientSession;
class ImportProblemsModel;

// Imports a disbursement list (发放名单, .xlsx or CSV in UTF-8 or GBK, one row per payment): reads and checks
// the file in a worker thread with progress and Cancel, shows "N rows can be imported, M rows have errors"
// and a table of the bad rows (line, column, reason) that can be exported to .xlsx, then imports the valid
// rows — all of them in ONE local transaction — or nothing. The disbursements go to the local cache and its
// outbox, so the import works offline; the sync engine sends them when it can.
//
// Wiring (e.g. a toolbar button of the disbursement view):
//     connect(importButton, &QPushButton::clicked, this, [this] {
//         if (DisbursementImportDialog::run(m_session, this) > 0)
//             m_model->reload();
//     });
class DisbursementImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DisbursementImportDialog(ClientSession &session, QWidget *parent = nullptr);
    ~DisbursementImportDialog() override;

    // Opens the dialog (modal) and returns the number of disbursements imported (0: none).
    static int run(ClientSession &session, QWidget *parent = nullptr);

    // Reads and checks a list (what "Choose file…" does after the file dialog), in a worker thread while a
    // progress dialog runs. False when the file could not be read or checked at all (the dialog says why).
    bool loadFile(const QString &path);
    const funds::DisbursementImportResult &importResult() const { return m_result; }
    // The bad rows as shown: line, column, reason.
    QAbstractItemModel *problemsModel() const;
    QString summary() const;
    // Writes the bad rows to an .xlsx file; on failure sets *error (Chinese).
    bool exportProblems(const QString &path, QString *error);
    // Saves every valid row to the local cache in one transaction (all or none; Cancel during the save
    // keeps none) and asks the sync engine to send them. Returns the number saved.
    int importValid();
    int importedCount() const { return m_imported; }
    QString importError() const { return m_importError; }

public Q_SLOTS:
    void chooseFile();
    void exportProblemsAs();
    // Stops the check running in the worker (as the progress dialog's Cancel does).
    void cancelCheck();

Q_SIGNALS:
    void imported(int count);

private:
    void importClicked();
    void showResult();
    bool prepare(funds::DisbursementImportOptions *options, QString *error) const;

    std::unique_ptr<Ui::DisbursementImportDialog> ui;
    ClientSession &m_session;
    ImportProblemsModel *m_problems = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_nothingButton = nullptr;
    funds::DisbursementImportResult m_result;
    QString m_path;
    QString m_fileNote; // the sheet or encoding read
    QString m_importError;
    int m_imported = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel; // the running check's cancel flag
};

} // namespace sunshine::app
