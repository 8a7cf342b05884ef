#pragma once

#include <QWidget>

namespace sunshine::portal {
class PublicationType;
}

namespace sunshine::app {

class ClientSession;
class RecordListView;

// Announcements (公告, Art. 23) or a department's policies (政策信息, Art. 22) as their owners keep them:
// drafts entered by clerks, published and withdrawn by reviewers (the portal shows what is published and not
// expired), with the state and, for policies, the Art. 22 entry deadline in red when missed.
class PublicationsView : public QWidget
{
    Q_OBJECT
public:
    PublicationsView(ClientSession &session, const portal::PublicationType &type, QWidget *parent = nullptr);

    RecordListView *list() const { return m_list; }

public Q_SLOTS:
    void publishCurrent();
    void withdrawCurrent();

private:
    // Sets a date field of the current record to today (a reviewer's publication or withdrawal).
    void stampCurrent(const QString &field, const QString &title);

    ClientSession &m_session;
    const portal::PublicationType &m_type;
    RecordListView *m_list = nullptr;
};

} // namespace sunshine::app
