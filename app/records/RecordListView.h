#pragma once

#include "app/records/RecordTableModel.h"
#include "common/sync/RecordType.h"

#include <QWidget>
#include <functional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QAbstractProxyModel;

namespace sunshine::app {

class ClientSession;

// A module's table of one record type over the local cache: search, sort by any column, a place filter, the
// number of matching records, new / edit (a RecordDialog with the common rules), export to .xlsx, and room
// for the sub-view's own actions. Personal data is masked for roles that do not enter data.
class RecordListView : public QWidget
{
    Q_OBJECT
public:
    struct Options
    {
        QList<RecordColumn> columns;
        QStringList searchFields;
        bool placeFilter = true; // a combo of the org units at the type's level
        OrgLevel placeLevel = OrgLevel::Village;
        bool canAdd = true;
        bool canEdit = true;
        QString exportName; // file name stem for export
        // Filters (RecordTableModel::setEquals) in place before the first read, e.g. no household chosen yet.
        QMap<QString, QVariant> equals;
    };

    RecordListView(ClientSession &session, const sync::RecordType &type, Options options,
                   QWidget *parent = nullptr);
    ~RecordListView() override;

    RecordTableModel &model() { return *m_model; }
    QTableView *view() const { return m_view; }
    // The id of the record in the current row, or empty.
    QString currentRecordId() const;
    // New and Edit shown or not (e.g. once the departments are known that decide it); never for users who
    // do not write the type.
    void setCanAdd(bool can);
    void setCanEdit(bool can);
    // Adds a button to the toolbar (after the built-in ones).
    QPushButton *addAction(const QString &text);
    // Adds a filter (e.g. a combo of deadline states) to the toolbar, after the search and the place filter.
    void addFilterWidget(QWidget *widget);
    // Filled into each new record's form (e.g. the household of a member list).
    void setFixedValue(const QString &field, const QJsonValue &value);
    // Called on each dialog before it opens (e.g. to fill reference choices for the chosen place).
    void setDialogHook(std::function<void(class RecordDialog &, const sync::Placement &)> hook);
    // Shows the rows through this proxy (e.g. one that colours deadlines); the view keeps the model's sort.
    void setProxy(QAbstractProxyModel *proxy);
    // Where new records go when the place filter is off or shows all places (e.g. the household's village).
    void setDefaultPlace(const QString &orgUnitId) { m_defaultPlace = orgUnitId; }
    // The department new records are entered under (e.g. the clerk's own, for fund records).
    void setDefaultDepartment(const QString &departmentId) { m_defaultDepartment = departmentId; }
    // The org unit chosen in the place filter, or empty for all.
    QString chosenPlace() const;
    void reload();

public Q_SLOTS:
    void addRecord();
    void editCurrent();
    void exportTable();

Q_SIGNALS:
    void currentRecordChanged(const QString &recordId);
    void saved();

protected:
    void showEvent(QShowEvent *event) override;

private:
    std::optional<sync::Placement> placementForNew();
    void setDepartment(sync::Placement &placement, const QString &departmentId) const;
    void updateCount();

    ClientSession &m_session;
    const sync::RecordType &m_type;
    Options m_options;
    RecordTableModel *m_model = nullptr;
    QAbstractProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_place = nullptr;
    QLabel *m_count = nullptr;
    QHBoxLayout *m_toolbar = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QJsonObject m_fixed;
    QString m_defaultPlace;
    QString m_defaultDepartment;
    bool m_sized = false;
    std::function<void(RecordDialog &, const sync::Placement &)> m_hook;
};

// True when the user's roles need full ID numbers and phones (those who enter and review data).
bool needsPersonalData(const ClientSession &session);
// True when the user may enter business records (clerks and reviewers).
bool entersData(const ClientSession &session);

} // namespace sunshine::app
