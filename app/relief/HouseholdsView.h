#pragma once

#include <QWidget>

namespace sunshine::app {

class ClientSession;
class RecordListView;

// The registry: households, and below the chosen household its members and quarterly incomes.
class HouseholdsView : public QWidget
{
    Q_OBJECT
public:
    explicit HouseholdsView(ClientSession &session, QWidget *parent = nullptr);
    RecordListView *households() const { return m_households; }
    RecordListView *members() const { return m_members; }
    RecordListView *incomes() const { return m_incomes; }

private:
    void showHousehold(const QString &householdId);

    ClientSession &m_session;
    RecordListView *m_households = nullptr;
    RecordListView *m_members = nullptr;
    RecordListView *m_incomes = nullptr;
};

} // namespace sunshine::app
