#pragma once

#include "app/sync/LocalCache.h"
#include "common/io/ImportTable.h"
#include "common/io/TableFile.h"

#include <QDialog>
#include <atomic>
#include <functional>
#include <memory>

class QAbstractItemModel;
class QPushButton;

namespace Ui {
class TableImportDialog;
}

namespace sunshine::app {

class ClientSession;
class ImportProblemsModel;

// What an import of a list file makes of it: the records of the good rows, the bad rows' problems.
struct TableImportCheck
{
    QList<LocalCache::Change> changes;
    QList<io::ImportProblem> problems;
    int rowsRead = 0;
    int badRows = 0;
    QString note;  // one more sentence of the summary (e.g. the valid amount)
    QString error; // why nothing could be checked, Chinese
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

// The dialog every list import shares (.xlsx, or CSV in UTF-8 or GBK, one row per record): reads and checks
// the file in a worker thread with progress and Cancel, shows "N rows can be imported, M rows have errors"
// and a table of the bad rows (line, column, reason) that can be exported to .xlsx, then saves the valid
// rows, all of them in ONE local transaction, or nothing. The records go to the local cache and its outbox,
// so an import works offline. An import gives its texts and its check (checkFunction()); the dialog does the
// rest.
class TableImportDialog : public QDialog
{
    Q_OBJECT
public:
    ~TableImportDialog() override;

    // Reads and checks a file (what "Choose file…" does after the file dialog). False when the file could not
    // be read or checked at all (the dialog says why).
    bool loadFile(const QString &path);
    const TableImportCheck &check() const { return m_check; }
    QAbstractItemModel *problemsModel() const;
    QString summary() const;
    // Writes the bad rows to an .xlsx file; on failure sets *error (Chinese).
    bool exportProblems(const QString &path, QString *error);
    // Saves every valid row in one transaction (all or none) and asks the sync engine to send them. Returns
    // the number saved.
    int importValid();
    int importedCount() const { return m_imported; }
    QString importError() const { return m_importError; }

public Q_SLOTS:
    void chooseFile();
    void exportProblemsAs();
    void cancelCheck();

Q_SIGNALS:
    void imported(int count);

protected:
    struct Texts
    {
        QString title;                            // the window's
        QString intro;                            // what file, which columns
        QString chooseTitle;                      // the file dialog's
        QString filter;                           // the file dialog's filter
        std::function<QString(int count)> saving; // "Saving 12 records…"
        std::function<QString(int count)> done;   // "12 records imported; …"
    };
    TableImportDialog(ClientSession &session, Texts texts, QWidget *parent = nullptr);
    ClientSession &session() const { return m_session; }
    // A row of options above the file (e.g. which list a file is).
    void addOption(const QString &label, QWidget *field);

    using Check =
        std::function<TableImportCheck(const io::TableData &table, const io::ProgressCallback &progress)>;
    // Prepared in this thread (reading the session), run in the worker: the check of a read table. Nothing,
    // with the reason in *error, when the import cannot run now.
    virtual std::optional<Check> checkFunction(QString *error) = 0;
    // Whether a worksheet is the list (past a 填表说明 sheet); default: the first one.
    virtual bool acceptSheet(const io::TableData &table) const;

private:
    void importClicked();
    void showResult();

    std::unique_ptr<Ui::TableImportDialog> ui;
    ClientSession &m_session;
    Texts m_texts;
    ImportProblemsModel *m_problems = nullptr;
    QPushButton *m_importButton = nullptr;
    TableImportCheck m_check;
    QString m_path;
    QString m_fileNote;
    QString m_importError;
    int m_imported = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace sunshine::app
