#include "app/funds/FundQueries.h"
#include "app/relief/ReliefQueries.h"
#include "app/sync/CacheQuery.h"
#include "app/sync/LocalCache.h"
#include "common/funds/FundTypes.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;
using namespace sunshine::app::cachequery;

// The client's query layer over a real cache file: conditions, children by reference, counts, sums, choices,
// and the relief and fund questions built on it.
class TestCacheQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void conditions();
    void childrenByReference();
    void textSearchTakesWildcardsLiterally();
    void namesAndOperatorsAreChecked();
    void choicesAndReferences();
    void sumsPerUnitAndPeriod();

private:
    void put(const QString &type, const QString &id, const QString &unit, const QJsonObject &fields,
             const QString &department = QString());
    QTemporaryDir m_dir;
    std::unique_ptr<LocalCache> m_cache;
};

void TestCacheQuery::put(const QString &type, const QString &id, const QString &unit,
                         const QJsonObject &fields, const QString &department)
{
    LocalCache::Change c;
    c.type = type;
    c.recordId = id;
    c.orgUnitId = unit;
    c.departmentId = department;
    c.changedFields = fields;
    QString error;
    QVERIFY2(!m_cache->save(c, 1'800'000'000'000, &error).isEmpty(), qPrintable(error));
}

void TestCacheQuery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cache = std::make_unique<LocalCache>(m_dir.filePath(u"cache.sqlite"_s));
    QString error;
    QVERIFY2(m_cache->open(&error), qPrintable(error));
    // Village v1: h1 paired in v1, h2 paired only from another village, h3 unpaired, h4 exited in 2025.
    put(u"household"_s, u"h1"_s, u"v1"_s,
        {{u"status"_s, u"registered"_s}, {u"headName"_s, u"张一"_s}, {u"householdNo"_s, u"003"_s}});
    put(u"household"_s, u"h2"_s, u"v1"_s,
        {{u"status"_s, u"registered"_s}, {u"headName"_s, u"李二"_s}, {u"householdNo"_s, u"001"_s}});
    put(u"household"_s, u"h3"_s, u"v1"_s,
        {{u"status"_s, u"registered"_s}, {u"headName"_s, u"王三"_s}, {u"householdNo"_s, u"002"_s}});
    put(u"household"_s, u"h4"_s, u"v1"_s,
        {{u"status"_s, u"exited"_s}, {u"exitYear"_s, 2025}, {u"headName"_s, u"赵四"_s}});
    put(u"household"_s, u"h5"_s, u"v2"_s, {{u"status"_s, u"registered"_s}, {u"headName"_s, u"钱五"_s}});
    put(u"helper"_s, u"k1"_s, u"t1"_s, {{u"name"_s, u"帮扶人甲"_s}, {u"unit"_s, u"农业农村局"_s}});
    put(u"pairing"_s, u"p1"_s, u"v1"_s, {{u"householdId"_s, u"h1"_s}, {u"helperId"_s, u"k1"_s}});
    put(u"pairing"_s, u"p2"_s, u"v2"_s, {{u"householdId"_s, u"h2"_s}, {u"helperId"_s, u"k1"_s}});
    put(u"visit"_s, u"w1"_s, u"v1"_s, {{u"pairingId"_s, u"p1"_s}, {u"quarter"_s, u"2026Q3"_s}});
    // A pairing deleted on this PC is no pairing.
    put(u"pairing"_s, u"p3"_s, u"v1"_s, {{u"householdId"_s, u"h3"_s}, {u"helperId"_s, u"k1"_s}});
    LocalCache::Change del;
    del.type = u"pairing"_s;
    del.recordId = u"p3"_s;
    del.orgUnitId = u"v1"_s;
    del.kind = sync::OpKind::Delete;
    QString error2;
    QVERIFY2(!m_cache->save(del, 1'800'000'000'001, &error2).isEmpty(), qPrintable(error2));
    // Contacts with wildcard characters in their text.
    put(u"department-contact"_s, u"c1"_s, u"t1"_s, {{u"name"_s, u"100%完成"_s}});
    put(u"department-contact"_s, u"c2"_s, u"t1"_s, {{u"name"_s, u"1000 户"_s}});
    put(u"department-contact"_s, u"c3"_s, u"t1"_s, {{u"name"_s, u"a_b"_s}});
    put(u"department-contact"_s, u"c4"_s, u"t1"_s, {{u"name"_s, u"axb"_s}});
    // Disbursements: months and a quarter of 2026, one of 2025.
    const QString d = QString::fromUtf16(funds::DisbursementType::kName);
    put(d, u"d1"_s, u"v1"_s, {{u"fundCode"_s, u"A"_s}, {u"period"_s, u"2026-03"_s}, {u"amountFen"_s, 100}},
        u"dep"_s);
    put(d, u"d2"_s, u"v1"_s, {{u"fundCode"_s, u"A"_s}, {u"period"_s, u"2026Q2"_s}, {u"amountFen"_s, 250}},
        u"dep"_s);
    put(d, u"d3"_s, u"v2"_s, {{u"fundCode"_s, u"B"_s}, {u"period"_s, u"2026-05"_s}, {u"amountFen"_s, 7}},
        u"dep"_s);
    put(d, u"d4"_s, u"v1"_s, {{u"fundCode"_s, u"A"_s}, {u"period"_s, u"2025-04"_s}, {u"amountFen"_s, 1000}},
        u"dep"_s);
}

void TestCacheQuery::conditions()
{
    const LocalCache &c = *m_cache;
    QCOMPARE(CacheQuery(c, u"household"_s).count(), 5);
    QCOMPARE(CacheQuery(c, u"household"_s).where(reliefquery::registered()).count(), 4);
    QCOMPARE(CacheQuery(c, u"household"_s).where(reliefquery::exitedIn(2025)).count(), 1);
    QCOMPARE(
        CacheQuery(c, u"household"_s).where(reliefquery::registered() && equals(kOrgUnit, u"v1"_s)).count(),
        3);
    QCOMPARE(CacheQuery(c, u"household"_s).where(idAmong({u"h1"_s, u"h5"_s, u"nobody"_s})).count(), 2);
    QCOMPARE(CacheQuery(c, u"household"_s).where(unitAmong({})).count(), 0);
    QCOMPARE(CacheQuery(c, u"household"_s).where(isNull(field(u"exitYear"_s))).count(), 4);
    QCOMPARE(CacheQuery(c, u"pairing"_s).count(), 2); // p3 is deleted locally
}

void TestCacheQuery::childrenByReference()
{
    const LocalCache &c = *m_cache;
    // h2's pairing is in another village, h3's was deleted: both unpaired; h5 paired nowhere.
    QList<QStringList> rows = reliefquery::unpairedHouseholds(c, 10);
    QStringList ids;
    for (const QStringList &r : rows)
        ids.append(r.at(0));
    QCOMPARE(ids, (QStringList{u"h2"_s, u"h3"_s, u"h5"_s})); // by village, then household number
    QCOMPARE(reliefquery::unpairedHouseholds(c, 1).size(), 1);
    const reliefquery::Coverage cov = reliefquery::pairingCoverage(c);
    QCOMPARE(cov.registered, 4);
    QCOMPARE(cov.paired, 1);
    // Visits: p1 visited in 2026Q3 only.
    QCOMPARE(CacheQuery(c, u"pairing"_s).where(reliefquery::notVisitedIn({2026, 3})).count(), 1);
    QCOMPARE(CacheQuery(c, u"pairing"_s).where(reliefquery::notVisitedIn({2026, 4})).count(), 2);
    QCOMPARE(reliefquery::visits(c, {2026, 3}).size(), 1);
}

void TestCacheQuery::textSearchTakesWildcardsLiterally()
{
    const auto names = [this](const QString &text) {
        QStringList out;
        CacheQuery(*m_cache, u"department-contact"_s)
            .where(containsText({u"name"_s}, text))
            .orderBy(kId)
            .forEach({kId}, [&](const QSqlQuery &q) { out.append(q.value(0).toString()); });
        return out;
    };
    QCOMPARE(names(u"%"_s), QStringList{u"c1"_s});
    QCOMPARE(names(u"_"_s), QStringList{u"c3"_s});
    QCOMPARE(names(u"a_b"_s), QStringList{u"c3"_s});
    QCOMPARE(names(u"100"_s), (QStringList{u"c1"_s, u"c2"_s}));
    QCOMPARE(names(u"完成"_s), QStringList{u"c1"_s});
}

void TestCacheQuery::namesAndOperatorsAreChecked()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"not a field name"_s));
    QCOMPARE(field(u"x') OR 1=1 --"_s), u"NULL"_s);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"not a comparison"_s));
    QCOMPARE(CacheQuery(*m_cache, u"household"_s).where(compare(kId, u"; DROP"_s, 1)).count(), 0);
    QCOMPARE(CacheQuery(*m_cache, u"household"_s).count(), 5);
}

void TestCacheQuery::choicesAndReferences()
{
    const LocalCache &c = *m_cache;
    const auto households = reliefquery::householdChoices(c, u"v1"_s);
    QCOMPARE(households.size(), 4);
    QCOMPARE(households.at(0).first, u"h4"_s); // no household number comes first
    QCOMPARE(households.at(1), (QPair<QString, QString>{u"h2"_s, u"李二 · 001"_s}));
    QCOMPARE(reliefquery::helperChoices(c, u"t1"_s),
             (QList<QPair<QString, QString>>{{u"k1"_s, u"帮扶人甲 · 农业农村局"_s}}));
    QCOMPARE(reliefquery::pairingChoices(c, u"v1"_s),
             (QList<QPair<QString, QString>>{{u"p1"_s, u"帮扶人甲 → 张一"_s}}));
    const QList<relief::PairingRef> pairings = reliefquery::pairings(c);
    QCOMPARE(pairings.size(), 2);
    QCOMPARE(pairings.at(1).householdName, u"李二"_s);
    QCOMPARE(choices(c, u"household"_s, {}, {u"headName"_s}, QString(), 2).size(), 2);
}

void TestCacheQuery::sumsPerUnitAndPeriod()
{
    const LocalCache &c = *m_cache;
    const QString d = QString::fromUtf16(funds::DisbursementType::kName);
    QMap<QString, qint64> fen;
    const QString error = fundquery::sumsPerUnitAndLine(
        c, d, fundquery::periodIn(2026), [&](const QString &unit, const QString &code, qint64 f, qint64 n) {
            fen.insert(unit + u'/' + code, f * 100 + n);
        });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(fen, (QMap<QString, qint64>{{u"v1/A"_s, 35002}, {u"v2/B"_s, 701}}));
    // Q2 counts the quarter's period (April) and May.
    QCOMPARE(CacheQuery(c, d).where(fundquery::periodIn(2026, 2)).count(), 2);
    QCOMPARE(CacheQuery(c, d).where(fundquery::periodIn(2026, 0, 4)).count(), 1);
    QCOMPARE(CacheQuery(c, d).where(fundquery::periodIn(2026, 0, 3)).count(), 1);
    QCOMPARE(CacheQuery(c, d).where(fundquery::periodIn(2025)).count(), 1);
    qint64 total = -1;
    CacheQuery(c, d)
        .where(equals(kDepartment, u"dep"_s))
        .forEach({sum(field(u"amountFen"_s))}, [&](const QSqlQuery &q) { total = q.value(0).toLongLong(); });
    QCOMPARE(total, 1357);
    QCOMPARE(CacheQuery(c, d).records().size(), 4);
    QCOMPARE(fundquery::disbursementKeys(m_cache->path(), u"dep"_s).size(), 4);
}

QTEST_GUILESS_MAIN(TestCacheQuery)
#include "tst_cache_query.moc"
