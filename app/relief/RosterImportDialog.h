#pragma once

#include "common/relief/RosterImport.h"

#include <QDialog>
#include <QSet>
#include <memory>

class QAbstractItemModel;
class QPushButton;

namespace Ui {
class RosterImportDialog;
}

namespace sunshine::app {

class ClientSession;
class ImportProblemsModel;

// Imports a household roster (花名册, .xlsx or CSV, one row per person) into the registry: reads and checks
// the file with progress and cancel, shows how many households and persons are valid and a table of the bad
// rows (line, column, reason) that can be exported to .xlsx, then imports the valid households — whole
// households only — or nothing. Households and members are saved to the local cache and its outbox, so the
// import works offline; the sync engine sends them when it can.
class RosterImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RosterImportDialog(ClientSession &session, QWidget *parent = nullptr);
    ~RosterImportDialog() override;

    // Reads and checks a roster file (what "Choose file…" does after the file dialog). False when the file
    // could not be read or checked at all (the summary says why).
    bool loadFile(const QString &path);
    const relief::RosterResult &rosterResult() const { return m_result; }
    // The bad rows as shown: line, column, reason.
    QAbstractItemModel *problemsModel() const;
    QString summary() const;
    // Writes the bad rows to an .xlsx file; on failure sets *error (Chinese).
    bool exportProblems(const QString &path, QString *error);
    // Saves the valid households and their members (fresh ids) to the local cache, with progress, and asks
    // the sync engine to send them. Returns the number of households saved.
    int importValid();
    int importedHouseholds() const { return m_importedHouseholds; }
    int importedPersons() const { return m_importedPersons; }

public Q_SLOTS:
    void chooseFile();
    void exportProblemsAs();

private:
    void importClicked();
    void showResult();
    QSet<QString> registeredIdNumbers() const;

    std::unique_ptr<Ui::RosterImportDialog> ui;
    ClientSession &m_session;
    ImportProblemsModel *m_problems = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_nothingButton = nullptr;
    relief::RosterResult m_result;
    QString m_path;
    QString m_fileNote; // the sheet or encoding read
    QString m_importError;
    int m_importedHouseholds = 0;
    int m_importedPersons = 0;
};

} // namespace sunshine::app
