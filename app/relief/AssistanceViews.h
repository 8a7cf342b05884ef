#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace sunshine::app {

class ClientSession;
class RecordListView;

// Weak villages (经济薄弱村): one record per village, with the department paired with it.
RecordListView *makeWeakVillagesView(ClientSession &session, QWidget *parent);

// Helpers and their pairings with households (Art. 17-18), with the coverage: how many registered households
// have a helper, and which do not.
class PairingsView : public QWidget
{
    Q_OBJECT
public:
    explicit PairingsView(ClientSession &session, QWidget *parent = nullptr);
    // Registered households without a helper (id, head, village), at most `limit`.
    QList<QStringList> gaps(int limit) const;
    // Counts again now when shown, else the next time it is shown (it reads every household).
    void refreshCoverage();
    QString coverageText() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateCoverage() const;

    ClientSession &m_session;
    RecordListView *m_helpers = nullptr;
    RecordListView *m_pairings = nullptr;
    QLabel *m_coverage = nullptr;
    mutable bool m_coverageStale = true;
};

// Quarterly visits (Art. 18-20), filterable by quarter.
class VisitsView : public QWidget
{
    Q_OBJECT
public:
    explicit VisitsView(ClientSession &session, QWidget *parent = nullptr);
    RecordListView *list() const { return m_visits; }

private:
    ClientSession &m_session;
    RecordListView *m_visits = nullptr;
    QComboBox *m_quarter = nullptr;
};

// Who visited and who did not, per town and quarter, as the towns and county offices check in each quarter's
// first month (rule 9).
class VisitStatsView : public QWidget
{
    Q_OBJECT
public:
    explicit VisitStatsView(ClientSession &session, QWidget *parent = nullptr);
    void refresh();
    QTableWidget *table() const { return m_table; }

private:
    void showMissing(int row);

    ClientSession &m_session;
    QComboBox *m_quarter = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QList<QStringList> m_missing; // per row: "helper → household (village)"
};

// Fills a quarter combo with the current quarter and the seven before it, the quarter under check first.
void fillQuarters(QComboBox *combo, QDate today, bool withAll);

} // namespace sunshine::app
