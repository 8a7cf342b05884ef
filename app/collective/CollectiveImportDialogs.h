#pragma once

#include "app/records/TableImportDialog.h"

class QComboBox;

namespace sunshine::app {

class RecordListView;

// Imports a journal kept before the program (日记账, .xlsx or CSV as the clerk kept it) into the journal
// chosen: each row checked (collective::checkLedgerImport) against the journal as the cache knows it, rows
// entered before skipped, the good rows put in date order and saved in one local transaction, sent when
// online (the server takes a journal's entries in date order).
class JournalImportDialog : public TableImportDialog
{
    Q_OBJECT
public:
    // `villageId`: the journals offered (all in the user's area when empty).
    JournalImportDialog(ClientSession &session, const QString &villageId, QWidget *parent = nullptr);
    void setBook(const QString &bookId);

protected:
    std::optional<Check> checkFunction(QString *error) override;
    bool acceptSheet(const io::TableData &table) const override;

private:
    QComboBox *m_book = nullptr;
};

// Imports a village's asset register kept before the program (资产台账): each row checked
// (collective::checkAssetImport), assets whose 资产编号 the village has already skipped, the good rows saved
// in one local transaction. A user above village level chooses the village.
class AssetRegisterImportDialog : public TableImportDialog
{
    Q_OBJECT
public:
    // `villageId`: the village chosen first (a village's own user imports into their village only).
    AssetRegisterImportDialog(ClientSession &session, const QString &villageId, QWidget *parent = nullptr);
    void setVillage(const QString &villageId);
    QString village() const;

protected:
    std::optional<Check> checkFunction(QString *error) override;
    bool acceptSheet(const io::TableData &table) const override;

private:
    QComboBox *m_village = nullptr; // none for a village's own user
    QString m_ownVillage;
};

// The toolbar buttons, for users who enter data: "Import journal…" above the journals (for the one chosen),
// "Import register…" on the asset register. Both reload the lists after an import.
void addJournalImport(ClientSession &session, RecordListView *books, RecordListView *entries);
void addAssetRegisterImport(ClientSession &session, RecordListView *assets);

} // namespace sunshine::app
