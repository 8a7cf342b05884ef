#include "server/module/ServerModule.h"

namespace sunshine {

std::vector<std::unique_ptr<ServerModule>> ServerModules::create()
{
    ServerModules registry;
    registerAllServerModules(registry);
    std::vector<std::unique_ptr<ServerModule>> out;
    for (const Factory &make : registry.m_factories)
        out.push_back(make());
    return out;
}

QJsonObject PublicList::column(const QString &key, const QString &label, const QString &kind)
{
    return {{QStringLiteral("key"), key}, {QStringLiteral("label"), label}, {QStringLiteral("kind"), kind}};
}

QJsonObject PublicList::answer(const QJsonArray &rows, qint64 total, int page, int pageSize)
{
    return {{QStringLiteral("rows"), rows},
            {QStringLiteral("total"), total},
            {QStringLiteral("page"), page},
            {QStringLiteral("pageSize"), pageSize}};
}

QJsonObject PublicList::pageOf(const QList<QJsonObject> &all, int page, int pageSize)
{
    QJsonArray rows;
    const qsizetype from = qsizetype(page - 1) * pageSize;
    for (qsizetype i = from; i < all.size() && i < from + pageSize; ++i)
        rows.append(all.at(i));
    return answer(rows, all.size(), page, pageSize);
}

} // namespace sunshine
