#pragma once

#include "app/records/TableImportDialog.h"

#include <QWidget>

class QComboBox;

namespace sunshine::app {

class RecordListView;

// Imports a comparison list (比对名单: the deceased, the public payroll, vehicles, commercial housing,
// companies) of the reviewer's county or the city: the list chosen, then the file, each row checked with the
// entry type's rules; a person already on that list there is updated, not doubled.
class ComparisonImportDialog : public TableImportDialog
{
    Q_OBJECT
public:
    explicit ComparisonImportDialog(ClientSession &session, QWidget *parent = nullptr);
    // The list the file is ("deceased", …).
    void setList(const QString &listName);

protected:
    std::optional<Check> checkFunction(QString *error) override;
    bool acceptSheet(const io::TableData &table) const override;

private:
    QComboBox *m_list = nullptr;
};

// 比对名单: the entries of the user's area, and for county and city reviewers the import.
class ComparisonListView : public QWidget
{
    Q_OBJECT
public:
    explicit ComparisonListView(ClientSession &session, QWidget *parent = nullptr);
    RecordListView *list() const { return m_list; }

private:
    ClientSession &m_session;
    RecordListView *m_list = nullptr;
};

} // namespace sunshine::app
