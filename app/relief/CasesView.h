#pragma once

#include <QWidget>

namespace sunshine::app {

class ClientSession;
class RecordListView;

// Identification (Art. 9) and exit (Art. 10) cases, each with its next step for reviewers.
class CasesView : public QWidget
{
    Q_OBJECT
public:
    explicit CasesView(ClientSession &session, QWidget *parent = nullptr);
    RecordListView *identification() const { return m_identification; }
    RecordListView *exits() const { return m_exits; }

private:
    void takeStep(RecordListView *list);
    void readComparison();

    ClientSession &m_session;
    RecordListView *m_identification = nullptr;
    RecordListView *m_exits = nullptr;
};

// Help requests (Art. 21) with their deadlines: the answer within 5 working days, the result within 10
// working days of the assignment; overdue ones stand out.
class HelpRequestsView : public QWidget
{
    Q_OBJECT
public:
    explicit HelpRequestsView(ClientSession &session, QWidget *parent = nullptr);
    RecordListView *list() const { return m_list; }

private:
    ClientSession &m_session;
    RecordListView *m_list = nullptr;
};

} // namespace sunshine::app
