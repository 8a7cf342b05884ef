#pragma once

// 分析预警 as the server runs it: records pushed by the demo accounts over TLS, the runs started through the
// API as a city administrator would, and the warnings read back from the store and the pulls.
#include "common/funds/FundCatalog.h"
#include "common/funds/FundTypes.h"
#include "common/rules/Rules.h"
#include "common/warnings/WarningType.h"
#include "tests/server/ReliefRecordsTest.h"

namespace sunshine::test::warningstest {

using namespace reliefrecords;

inline const QString kDisbursement = QString::fromUtf16(funds::DisbursementType::kName);
inline const QString kWarning = QString::fromUtf16(warnings::WarningType::kName);
inline const QString kCountyClerk = u"county-clerk"_s; // 通州区农业农村局
inline const QString kAgriculture = kCounty + u"-agriculture"_s;
inline const QString kCityAdmin = u"city-admin"_s;

// The first agricultural line of the county clerk's department paid to a person.
inline funds::FundLine personLine()
{
    const QList<funds::FundLine> lines = funds::FundCatalog::builtIn().lines();
    for (const funds::FundLine &l : lines) {
        if (l.leadDepartment == u"agriculture"_s && l.recipient == funds::Recipient::Person)
            return l;
    }
    return {};
}

inline QJsonObject paymentFields(const QString &idNumber, const QString &period, QDate paidOn,
                                 const QString &fundCode = personLine().code, qint64 amountFen = 50000)
{
    return {{u"fundCode"_s, fundCode},         {u"recipientKind"_s, u"person"_s},
            {u"recipientName"_s, u"周重复"_s}, {u"idNumber"_s, idNumber},
            {u"amountFen"_s, amountFen},       {u"period"_s, period},
            {u"paidOn"_s, iso(paidOn)},        {u"account"_s, u"6228480012345678"_s}};
}

class WarningsTest : public ReliefRecordsTest
{
protected:
    // A payment entered now by the 通州区 agriculture clerk; its id (empty when refused).
    QString pay(const QString &orgUnitId, const QJsonObject &fields, const QString &clerk = kCountyClerk,
                const QString &department = kAgriculture)
    {
        const QString id = newId();
        QJsonObject op = upsert(kDisbursement, id, orgUnitId, fields);
        op.insert(u"departmentId"_s, department);
        const Answer a = pushOne(clerk, op);
        if (a.status() != u"applied"_s) {
            qWarning("payment not applied: %s", a.describe().constData());
            return {};
        }
        return id;
    }

    // POST /api/v1/admin/warnings/run as the city administrator: the run's report.
    QJsonObject run(const QString &kind)
    {
        const HttpResult r =
            m_http->post(u"/api/v1/admin/warnings/run"_s, {{u"kind"_s, kind}}, token(kCityAdmin));
        if (r.status != 200)
            qWarning("run %s: %s", qPrintable(kind), r.describe().constData());
        return r.json;
    }
    QJsonObject drain() { return run(u"queue"_s); }
    QJsonObject fullRun() { return run(u"full"_s); }

    // The stored warning with this dedup key (empty when none was raised).
    QJsonObject warning(const QString &dedupKey)
    {
        return storedFields(warnings::WarningType::recordIdFor(dedupKey));
    }
    static QString key(const QString &rule, const QString &subjectType, const QString &subjectId,
                       const QString &period)
    {
        rules::Finding f;
        f.rule = rule;
        f.subjectType = subjectType;
        f.subjectId = subjectId;
        f.period = period;
        return f.dedupKey();
    }

    qint64 warningCount()
    {
        SqlQuery q(m_server->store(), u"SELECT COUNT(*) FROM records WHERE type = 'warning'"_s);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    qint64 queued()
    {
        SqlQuery q(m_server->store(), u"SELECT COUNT(*) FROM warning_queue"_s);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }
};

} // namespace sunshine::test::warningstest
