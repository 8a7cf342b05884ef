#pragma once

// Small helpers for talking sync over HTTPS in tests: department-contact operations, push, pull to the end.

#include "common/sync/DepartmentContact.h"
#include "tests/support/HttpsClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>
#include <QUuid>

namespace sunshine::test {

inline QString contactType()
{
    return QString::fromUtf16(sync::DepartmentContactType::kName);
}

inline QString contactId(const QString &departmentId, const QString &role)
{
    return sync::DepartmentContactType::recordIdFor(departmentId, role);
}

inline QString newOpId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// An upsert of a department's leader or liaison, placed in the department's own org unit.
inline QJsonObject contactOp(const QString &departmentId, const QString &role, qint64 baseVersion,
                             const QJsonObject &changedFields, qint64 deviceTimeMs)
{
    using namespace Qt::Literals::StringLiterals;
    return {{u"opId"_s, newOpId()},
            {u"recordId"_s, contactId(departmentId, role)},
            {u"type"_s, contactType()},
            {u"orgUnitId"_s, departmentId.section(u'-', 0, 0)},
            {u"departmentId"_s, departmentId},
            {u"kind"_s, u"upsert"_s},
            {u"baseVersion"_s, baseVersion},
            {u"changedFields"_s, changedFields},
            {u"deviceTime"_s, deviceTimeMs}};
}

// All fields of a new contact.
inline QJsonObject newContactFields(const QString &role, const QString &name,
                                    const QString &mobile = QStringLiteral("13812345678"))
{
    using namespace Qt::Literals::StringLiterals;
    return {{u"contactRole"_s, role}, {u"name"_s, name}, {u"mobile"_s, mobile}};
}

inline HttpResult pushOps(HttpsClient &http, const QString &token, const QJsonArray &ops, qint64 deviceNowMs)
{
    using namespace Qt::Literals::StringLiterals;
    return http.post(u"/api/v1/sync/push"_s, {{u"deviceNow"_s, deviceNowMs}, {u"operations"_s, ops}}, token);
}

// The per-operation answers of a push, or an empty list when the push as a whole failed.
inline QList<QJsonObject> pushResults(const HttpResult &r)
{
    using namespace Qt::Literals::StringLiterals;
    QList<QJsonObject> out;
    if (r.status != 200)
        return out;
    const QJsonArray results = r.json.value(u"results"_s).toArray();
    for (const QJsonValue &v : results)
        out.append(v.toObject());
    return out;
}

inline HttpResult pullPage(HttpsClient &http, const QString &token, const QString &cursor, int limit)
{
    using namespace Qt::Literals::StringLiterals;
    QUrlQuery q;
    q.addQueryItem(u"cursor"_s, cursor);
    q.addQueryItem(u"limit"_s, QString::number(limit));
    return http.get(u"/api/v1/sync/pull?"_s + q.toString(QUrl::FullyEncoded), token);
}

// Pulls from `cursor` until hasMore is false (at most maxPages pages). Records in the order received; `ok`
// false when a page failed. `cursor` is advanced.
inline QList<QJsonObject> pullAll(HttpsClient &http, const QString &token, QString *cursor, int limit,
                                  bool *ok, int maxPages = 10000)
{
    using namespace Qt::Literals::StringLiterals;
    QList<QJsonObject> out;
    *ok = true;
    for (int page = 0; page < maxPages; ++page) {
        const HttpResult r = pullPage(http, token, *cursor, limit);
        if (r.status != 200) {
            *ok = false;
            return out;
        }
        const QJsonArray records = r.json.value(u"records"_s).toArray();
        for (const QJsonValue &v : records)
            out.append(v.toObject());
        *cursor = r.json.value(u"cursor"_s).toString();
        if (!r.json.value(u"hasMore"_s).toBool())
            return out;
    }
    *ok = false;
    return out;
}

} // namespace sunshine::test
