#include "app/portal/PublicationsView.h"

#include "app/portal/PortalQueries.h"
#include "app/records/ComputedColumnProxy.h"
#include "app/records/RecordListView.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "app/sync/SyncEngine.h"
#include "common/core/ChinaTime.h"
#include "common/portal/ComplaintType.h"
#include "common/portal/PublicationTypes.h"

#include <QBrush>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace portal;

PublicationsView::PublicationsView(ClientSession &session, const PublicationType &type, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_type(type)
{
    const UserInfo &user = session.user();
    const bool policies = type.name() == QString::fromUtf16(PolicyType::kName);
    RecordListView::Options o;
    o.columns = {
        {u"title"_s, {}}, {policies ? u"kind"_s : u"category"_s, {}}, {u"@department"_s, tr("Published by")}};
    if (policies)
        o.columns += {{u"completedOn"_s, {}}, {u"publishDueOn"_s, {}}};
    o.columns +=
        {{u"publishedOn"_s, {}}, {u"expiresOn"_s, {}}, {u"withdrawnOn"_s, {}}, {u"@state"_s, tr("Sync")}};
    o.searchFields = {u"title"_s, u"body"_s};
    o.placeFilter = false;
    o.exportName = type.chineseName();
    o.canAdd = false;
    o.canEdit = false;
    m_list = new RecordListView(session, type, o, this);
    m_list->setObjectName(policies ? u"policies"_s : u"announcements"_s);
    m_list->setDefaultPlace(user.orgUnitId);
    m_list->setDefaultDepartment(user.departmentId);
    // Announcements are the office's; policies every department's: drafts and edits by the owner's clerks and
    // reviewers at the city and the counties, publication by its reviewers (the rule itself is the type's:
    // PublicationType::writeDenied). The office is known once the departments are.
    const bool cityOrCounty = user.orgLevel == OrgLevel::City || user.orgLevel == OrgLevel::County;
    const auto owner = [&session, policies, cityOrCounty] {
        return cityOrCounty && !session.user().departmentId.isEmpty() &&
               (policies || portalquery::inOffice(session));
    };

    // The state on the portal today; a policy entered after its Art. 22 deadline in red.
    auto *state = new ComputedColumnProxy(
        tr("On the portal"),
        [&session, policies](const QString &id, int, int role) -> QVariant {
            if (role != Qt::DisplayRole && role != Qt::ForegroundRole)
                return {};
            const std::optional<CachedRecord> rec = session.cache().record(id);
            if (!rec)
                return {};
            const QDate today = chinaDateOf(session.clock().nowMs());
            const QJsonObject &f = rec->record.fields;
            if (role == Qt::ForegroundRole)
                return policies && policyPublishedLate(f, today) ? QVariant(QBrush(Qt::red)) : QVariant();
            QString text = publicationStateChinese(publicationState(f, today));
            if (policies && policyPublishedLate(f, today))
                text += PublicationsView::tr(" (entered late, Art. 22)");
            return text;
        },
        this);
    m_list->setProxy(state);

    QPushButton *publish = nullptr;
    QPushButton *withdraw = nullptr;
    if (user.roles.contains(Role::Reviewer)) {
        publish = m_list->addAction(tr("&Publish"));
        publish->setObjectName(u"publish"_s);
        connect(publish, &QPushButton::clicked, this, &PublicationsView::publishCurrent);
        withdraw = m_list->addAction(tr("&Withdraw"));
        withdraw->setObjectName(u"withdraw"_s);
        connect(withdraw, &QPushButton::clicked, this, &PublicationsView::withdrawCurrent);
    }
    const auto departmentsKnown = [this, owner, publish, withdraw] {
        const bool own = owner();
        m_list->setCanAdd(own);
        m_list->setCanEdit(own);
        if (publish)
            publish->setVisible(own);
        if (withdraw)
            withdraw->setVisible(own);
    };
    departmentsKnown();
    connect(&session, &ClientSession::departmentsChanged, this, departmentsKnown);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_list);
}

void PublicationsView::publishCurrent()
{
    stampCurrent(u"publishedOn"_s, tr("Publish"));
}

void PublicationsView::withdrawCurrent()
{
    stampCurrent(u"withdrawnOn"_s, tr("Withdraw"));
}

void PublicationsView::stampCurrent(const QString &field, const QString &title)
{
    const QString id = m_list->currentRecordId();
    const std::optional<CachedRecord> rec = id.isEmpty() ? std::nullopt : m_session.cache().record(id);
    if (!rec) {
        MessageBox::information(this, title, tr("Choose one in the list first."));
        return;
    }
    if (rec->record.fields.contains(field)) {
        MessageBox::information(
            this, title, tr("This was done on %1 already.").arg(rec->record.fields.value(field).toString()));
        return;
    }
    QString error;
    if (!m_session.saveFields(m_type.name(), id, rec->record.orgUnitId, rec->record.departmentId,
                              {{field, chinaDateOf(m_session.clock().nowMs()).toString(Qt::ISODate)}},
                              &error)) {
        MessageBox::warning(this, title, tr("Could not save: %1").arg(error));
        return;
    }
    m_list->reload();
}

} // namespace sunshine::app
