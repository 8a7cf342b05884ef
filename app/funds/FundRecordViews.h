#pragma once

#include "app/funds/FundQueries.h"
#include "app/records/ComputedColumnProxy.h"
#include "app/records/RecordListView.h"
#include "common/funds/FundTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QVariantList>
#include <functional>
#include <optional>

class QComboBox;

namespace sunshine::app {
class RecordDialog;
}

namespace sunshine::app {

class ClientSession;

// How a fund record stands against its deadline (one of FundTypes' / FundFlowTypes' deadlineState).
using DeadlineFunction = std::function<funds::DeadlineState(const QJsonObject &fields, QDate today,
                                                            const WorkingCalendar &calendar)>;

// The records in one deadline state, as a condition on the cache (fundquery::DeadlineCondition), so the
// filter runs in SQLite over all records, not only the rows loaded.
using DeadlineConditionFunction = fundquery::DeadlineCondition;

// The deadline column of a fund table: the state and the date it is judged by ("已逾期 · 凭证 by
// 2026-11-27"), coloured: overdue red, due soon amber, entered late purple, on time plain.
class DeadlineColumnProxy : public ComputedColumnProxy
{
    Q_OBJECT
public:
    DeadlineColumnProxy(ClientSession &session, DeadlineFunction state, QObject *parent = nullptr);
    // The state of one record as of the session's today (computed from the cache, remembered until the table
    // reloads); nothing when the record is not in the cache.
    std::optional<funds::DeadlineState> stateOf(const QString &recordId) const;
    static QColor background(funds::EntryStatus status);
    static QColor foreground(funds::EntryStatus status);

private:
    QVariant show(const QString &recordId, int role) const;

    ClientSession &m_session;
    DeadlineFunction m_state;
    mutable QHash<QString, std::optional<funds::DeadlineState>> m_known;
};

// A table of one fund record type: the RecordListView (search, place, new/edit, export) with the deadline
// column and a filter by deadline state. New records go under the clerk's department, and the form's fund
// line is chosen, by name, among the lines the clerk's department leads.
class FundRecordsView : public QWidget
{
    Q_OBJECT
public:
    FundRecordsView(ClientSession &session, const sync::RecordType &type, RecordListView::Options options,
                    DeadlineFunction state, DeadlineConditionFunction condition, QWidget *parent = nullptr);

    RecordListView *list() const { return m_list; }
    DeadlineColumnProxy *deadlines() const { return m_proxy; }
    QComboBox *statusFilter() const { return m_status; }
    // Shows only records in this state; nothing: all.
    void setStatusFilter(std::optional<funds::EntryStatus> status);
    // What every form of the table gets before it opens: the fund lines the clerk's department leads, by
    // name, and what setFormHook() adds.
    void prepareDialog(RecordDialog &dialog, const sync::Placement &placement) const;
    void setFormHook(std::function<void(RecordDialog &, const sync::Placement &)> hook)
    {
        m_formHook = std::move(hook);
    }

private:
    void applyStatus();

    ClientSession &m_session;
    RecordListView *m_list = nullptr;
    DeadlineColumnProxy *m_proxy = nullptr;
    QComboBox *m_status = nullptr;
    DeadlineConditionFunction m_condition;
    std::function<void(RecordDialog &, const sync::Placement &)> m_formHook;
};

// The fund lines as (code, name) pairs: all of them, or those a department (by code) leads.
QList<QPair<QString, QString>> fundLineLabels(const QString &departmentCode = {});
// The code of the user's department ("agriculture"), or empty when it has none or it is not known yet.
QString userDepartmentCode(const ClientSession &session);
// "通州区 · 金沙镇 · 张家村": the org unit's county, town and village (as deep as it goes).
QString placePathText(const ClientSession &session, const QString &orgUnitId);

// The tables of the module.
FundRecordsView *makeAllocationsView(ClientSession &session, QWidget *parent);
FundRecordsView *makeDisbursementsView(ClientSession &session, QWidget *parent);
FundRecordsView *makePlansView(ClientSession &session, QWidget *parent);
FundRecordsView *makeReturnsView(ClientSession &session, QWidget *parent);
FundRecordsView *makeEvaluationsView(ClientSession &session, QWidget *parent);

} // namespace sunshine::app
