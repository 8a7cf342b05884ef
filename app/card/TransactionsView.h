#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QWidget>

class QComboBox;

namespace sunshine::app {

class ClientSession;
class RecordListView;

// The card transactions of the bank's statements: which request allowed each and which claim covers it, and
// the warnings found on it, in colour (red: a warning; orange: spending not yet matched); filters for the
// unmatched ones and those with warnings; the statement import.
class TransactionsView : public QWidget
{
    Q_OBJECT
public:
    explicit TransactionsView(ClientSession &session, QWidget *parent = nullptr);
    RecordListView *list() const { return m_list; }
    // "", "unclaimed", "no-request", "warnings"
    void setFilter(const QString &filter);
    void importStatement();

private:
    void applyFilter();
    void reloadWarnings();

    ClientSession &m_session;
    RecordListView *m_list = nullptr;
    QComboBox *m_filter = nullptr;
    QHash<QString, QStringList> m_warnings;
    QSet<QString> m_refunded;
};

} // namespace sunshine::app
