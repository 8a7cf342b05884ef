#pragma once

#include "app/records/TableImportDialog.h"
#include "common/funds/DisbursementImport.h"

namespace sunshine::app {

// Imports a disbursement list (发放名单, one row per payment) on the shared list-import dialog: the rows
// checked with the disbursement rules (funds::checkDisbursements) against the clerk's department and area and
// the payments already in the cache; the valid rows saved in one local transaction, or none.
//
// Wiring (e.g. a toolbar button of the disbursement view):
//     connect(importButton, &QPushButton::clicked, this, [this] {
//         if (DisbursementImportDialog::run(m_session, this) > 0)
//             m_model->reload();
//     });
class DisbursementImportDialog : public TableImportDialog
{
    Q_OBJECT
public:
    explicit DisbursementImportDialog(ClientSession &session, QWidget *parent = nullptr);

    // Opens the dialog (modal) and returns the number of disbursements imported (0: none).
    static int run(ClientSession &session, QWidget *parent = nullptr);
    // The last check in the disbursement rules' terms (rows with their placements, the valid amount).
    const funds::DisbursementImportResult &importResult() const { return *m_result; }

protected:
    std::optional<Check> checkFunction(QString *error) override;
    bool acceptSheet(const io::TableData &table) const override;

private:
    bool prepare(funds::DisbursementImportOptions *options, QString *error) const;

    // Written by the check in the worker, read here once it has finished.
    std::shared_ptr<funds::DisbursementImportResult> m_result;
};

} // namespace sunshine::app
