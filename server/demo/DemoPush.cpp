#include "server/demo/DemoPush.h"

#include "server/api/Services.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

AuthSession demoActor(const QString &name, Role role, const QString &orgUnitId, const QString &orgPath,
                      const QString &departmentId)
{
    AuthSession s;
    s.userId = u"demo-"_s + name;
    s.username = name;
    s.scope.userId = s.userId;
    s.scope.orgUnitId = orgUnitId;
    s.scope.orgPath = orgPath;
    s.scope.departmentId = departmentId;
    s.scope.roles = {role};
    return s;
}

QString DemoPush::put(const AuthSession &actor, const QString &type, QString id, const QString &orgUnitId,
                      const QString &departmentId, const QJsonObject &fields)
{
    if (id.isEmpty())
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    qint64 base = 0;
    {
        SqlQuery q(m_services.store, u"SELECT version FROM records WHERE id = ?"_s);
        q.bindText(id).exec();
        if (q.next())
            base = q.int64(0);
    }
    const qint64 now = m_services.clock.nowMs();
    sync::Operation op;
    op.opId = u"demo-"_s + id + u'-' + QString::number(base);
    op.recordId = id;
    op.type = type;
    op.orgUnitId = orgUnitId;
    op.departmentId = departmentId;
    op.baseVersion = base;
    op.changedFields = fields;
    op.deviceTimeMs = now;
    const QList<sync::OpResult> r =
        m_services.sync.pushWithin(actor, QJsonArray{op.toJson()}, now, u"demo"_s);
    if (r.isEmpty() || r.first().status != sync::OpStatus::Applied)
        qWarning("demo %s not written: %s", qPrintable(type),
                 r.isEmpty() ? "" : qPrintable(r.first().message));
    return id;
}

QJsonObject DemoPush::fieldsOf(const QString &id)
{
    SqlQuery q(m_services.store, u"SELECT data FROM records WHERE id = ?"_s);
    q.bindText(id).exec();
    return q.next() ? QJsonDocument::fromJson(q.text(0).toUtf8()).object() : QJsonObject();
}

QStringList DemoPush::counties()
{
    QStringList ids;
    SqlQuery q(m_services.store, u"SELECT id FROM org_units WHERE level = 2 ORDER BY sort_order, id"_s);
    q.exec();
    while (q.next())
        ids.append(q.text(0));
    return ids;
}

QStringList DemoPush::villagesUnder(const QString &unit, int n)
{
    QStringList ids;
    SqlQuery q(m_services.store,
               u"SELECT id FROM org_units WHERE level = 4 AND path LIKE ? ORDER BY id LIMIT ?"_s);
    q.bindText(u"%/"_s + unit + u"/%"_s).bind(n).exec();
    while (q.next())
        ids.append(q.text(0));
    return ids;
}

QString DemoPush::townOf(const QString &village)
{
    SqlQuery q(m_services.store, u"SELECT parent_id FROM org_units WHERE id = ?"_s);
    q.bindText(village).exec();
    return q.next() ? q.text(0) : QString();
}

} // namespace sunshine
