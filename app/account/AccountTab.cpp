#include "app/account/AccountTab.h"

#include "app/admin/OrgTreeModel.h"
#include "app/admin/UsersModel.h"
#include "app/net/ApiClient.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

AccountTab::AccountTab(ApiClient &api, const UserInfo &me, qint64 sessionExpiresMs, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_org(new OrgTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_areaSummary(new QLabel(this))
{
    auto *profile = new QGroupBox(tr("My account"), this);
    auto *form = new QFormLayout(profile);
    QStringList roles;
    for (const Role r : me.roles)
        roles.append(roleDisplayName(r));
    form->addRow(tr("User name:"), new QLabel(me.username, profile));
    form->addRow(tr("Name:"), new QLabel(me.displayName, profile));
    form->addRow(tr("Roles:"), new QLabel(roles.join(u"、"_s), profile));
    form->addRow(tr("Area:"), new QLabel(me.orgUnitName, profile));
    form->addRow(tr("Department:"),
                 new QLabel(me.departmentName.isEmpty() ? tr("(none)") : me.departmentName, profile));
    if (sessionExpiresMs > 0)
        form->addRow(tr("Signed in until:"), new QLabel(QDateTime::fromMSecsSinceEpoch(sessionExpiresMs)
                                                            .toLocalTime()
                                                            .toString(u"yyyy-MM-dd HH:mm"_s),
                                                        profile));
    auto *change = new QPushButton(tr("&Change password…"), profile);
    form->addRow(QString(), change);
    connect(change, &QPushButton::clicked, this, &AccountTab::changePasswordRequested);

    auto *area = new QGroupBox(tr("My area (the records I may see are in it)"), this);
    auto *areaLayout = new QVBoxLayout(area);
    m_tree->setModel(m_org);
    m_tree->setUniformRowHeights(true);
    areaLayout->addWidget(m_areaSummary);
    areaLayout->addWidget(m_tree);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(profile, 1, Qt::AlignTop);
    layout->addWidget(area, 1);
    loadArea();
}

void AccountTab::loadArea()
{
    m_api.get(u"/api/v1/org/units"_s, {}, this, [this](const ApiResult &r) {
        if (!r.ok()) {
            m_areaSummary->setText(r.message);
            return;
        }
        QList<OrgUnit> units;
        int towns = 0, villages = 0;
        const QJsonArray items = r.json.value(u"items"_s).toArray();
        for (const QJsonValue &v : items) {
            units.append(OrgUnit::fromJson(v.toObject()));
            towns += units.last().level == OrgLevel::Town;
            villages += units.last().level == OrgLevel::Village;
        }
        m_org->setUnits(units);
        m_tree->expand(m_org->index(0, 0));
        m_areaSummary->setText(tr("%1 towns and %2 villages").arg(towns).arg(villages));
    });
}

} // namespace sunshine::app
