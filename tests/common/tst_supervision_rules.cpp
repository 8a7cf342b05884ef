// The dated rules of the supervision, table-driven: the Art. 31 windows across quarters and years, the
// windows open on a day, the window a start date must lie in; the spot-check draw (the same from the same
// seed, whatever the population's order, distinct, bounded, spread over the population, and pinned to
// published values so a re-implementation can check itself); and the late-rectification rule against the SQL
// generated from it, on SQLite.
#include "common/supervision/SupervisionRules.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::supervision;

class TestSupervisionRules : public QObject
{
    Q_OBJECT

private slots:
    void windows_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("inspected");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::newRow("full Q1 in April")
            << u"full"_s << u"2026Q1"_s << QDate(2026, 4, 10) << QDate(2026, 4, 20);
        QTest::newRow("spot Q1 in April")
            << u"spot"_s << u"2026Q1"_s << QDate(2026, 4, 20) << QDate(2026, 4, 30);
        QTest::newRow("full Q3 in October")
            << u"full"_s << u"2026Q3"_s << QDate(2026, 10, 10) << QDate(2026, 10, 20);
        QTest::newRow("full Q4 next January")
            << u"full"_s << u"2026Q4"_s << QDate(2027, 1, 10) << QDate(2027, 1, 20);
        QTest::newRow("spot Q4 next January")
            << u"spot"_s << u"2025Q4"_s << QDate(2026, 1, 20) << QDate(2026, 1, 30);
    }
    void windows()
    {
        QFETCH(QString, kind);
        QFETCH(QString, inspected);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        const InspectionWindow w =
            inspectionWindow(*inspectionKindFromName(kind), *Quarter::parse(inspected));
        QCOMPARE(w.from, from);
        QCOMPARE(w.to, to);
        QCOMPARE(w.inspected.toString(), inspected);
        // The days are the regulation's: not moved off a weekend or a holiday (2026-10-10 is a make-up
        // Saturday; the 1st-8th are the National Day holiday, before the window).
    }

    void openOnADay_data()
    {
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QString>("open");
        QTest::newRow("9 Oct: none") << QDate(2026, 10, 9) << QString();
        QTest::newRow("10 Oct: full") << QDate(2026, 10, 10) << u"full:2026Q3"_s;
        QTest::newRow("20 Oct: both") << QDate(2026, 10, 20) << u"full:2026Q3 spot:2026Q3"_s;
        QTest::newRow("25 Oct: spot") << QDate(2026, 10, 25) << u"spot:2026Q3"_s;
        QTest::newRow("31 Oct: none") << QDate(2026, 10, 31) << QString();
        QTest::newRow("15 Nov: none (not a quarter's first month)") << QDate(2026, 11, 15) << QString();
        QTest::newRow("12 Jan: full of last year's Q4") << QDate(2027, 1, 12) << u"full:2026Q4"_s;
    }
    void openOnADay()
    {
        QFETCH(QDate, today);
        QFETCH(QString, open);
        QStringList got;
        for (const InspectionWindow &w : openWindows(today))
            got.append(inspectionKindName(w.kind) + u':' + w.inspected.toString());
        QCOMPARE(got.join(u' '), open);
    }

    void startWithinWindow_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("inspected");
        QTest::addColumn<QDate>("started");
        QTest::addColumn<bool>("ok");
        QTest::newRow("full, first day") << u"full"_s << u"2026Q2"_s << QDate(2026, 7, 10) << true;
        QTest::newRow("full, last day") << u"full"_s << u"2026Q2"_s << QDate(2026, 7, 20) << true;
        QTest::newRow("full, a day early") << u"full"_s << u"2026Q2"_s << QDate(2026, 7, 9) << false;
        QTest::newRow("full, a quarter late") << u"full"_s << u"2026Q2"_s << QDate(2026, 10, 12) << false;
        QTest::newRow("spot, the 30th") << u"spot"_s << u"2026Q2"_s << QDate(2026, 7, 30) << true;
        QTest::newRow("spot, the 31st") << u"spot"_s << u"2026Q2"_s << QDate(2026, 7, 31) << false;
        QTest::newRow("special, any day") << u"special"_s << u"2026Q2"_s << QDate(2026, 9, 3) << true;
        QTest::newRow("no date") << u"special"_s << u"2026Q2"_s << QDate() << false;
    }
    void startWithinWindow()
    {
        QFETCH(QString, kind);
        QFETCH(QString, inspected);
        QFETCH(QDate, started);
        QFETCH(bool, ok);
        const auto problem =
            windowProblem(*inspectionKindFromName(kind), *Quarter::parse(inspected), started);
        QCOMPARE(!problem.has_value(), ok);
        if (problem && started.isValid())
            QVERIFY(problem->contains(u"第三十一条"_s));
    }

    void drawIsReproducible()
    {
        QStringList population;
        for (int i = 0; i < 500; ++i)
            population.append(u"v%1"_s.arg(i, 4, 10, QLatin1Char('0')));
        const QStringList a = drawSample(population, 12, 20261022);
        QCOMPARE(a.size(), 12);
        QCOMPARE(QSet<QString>(a.cbegin(), a.cend()).size(), 12);
        // The same seed, the population in another order (and with repeats): the same draw.
        QStringList shuffled = population;
        std::reverse(shuffled.begin(), shuffled.end());
        shuffled.append(population.first());
        QCOMPARE(drawSample(shuffled, 12, 20261022), a);
        QCOMPARE(populationDigest(shuffled), populationDigest(population));
        // Another seed: another draw.
        QVERIFY(drawSample(population, 12, 20261023) != a);
        // More than there are: all of them; none: none.
        QCOMPARE(drawSample({u"b"_s, u"a"_s}, 5, 1).size(), 2);
        QVERIFY(drawSample(population, 0, 1).isEmpty());
        QVERIFY(drawSample({}, 3, 1).isEmpty());
        // Pinned: SplitMix64 and the partial Fisher-Yates shuffle of SupervisionRules.h, as published.
        QCOMPARE(drawSample({u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s}, 3, 1),
                 (QStringList{u"a"_s, u"e"_s, u"c"_s}));
        QCOMPARE(populationDigest({u"a"_s, u"b"_s}),
                 u"7e18f737311b2dc3b2f269dd78396b0351f14fb66efa879f768cb23181883c78"_s); // sha256("a\nb")
    }

    void drawIsFair()
    {
        // Every member is drawn about as often as every other over many seeds (a uniform draw: 3 of 10, 30
        // %).
        QStringList population;
        for (int i = 0; i < 10; ++i)
            population.append(QString::number(i));
        QHash<QString, int> hits;
        const int runs = 20000;
        for (int s = 0; s < runs; ++s) {
            for (const QString &m : drawSample(population, 3, quint64(s) * 7919))
                ++hits[m];
        }
        for (const QString &m : population) {
            const double share = double(hits.value(m)) / runs;
            QVERIFY2(share > 0.28 && share < 0.32, qPrintable(u"%1: %2"_s.arg(m).arg(share)));
        }
    }

    void spotCheckDraw()
    {
        const QStringList villages{u"v3"_s, u"v1"_s, u"v2"_s, u"v4"_s};
        auto householdsOf = [](const QString &v) {
            QStringList h;
            for (int i = 0; i < 6; ++i)
                h.append(v + u"-h"_s + QString::number(i));
            return h;
        };
        const SpotCheckDraw d = drawSpotCheck(99, villages, 2, 3, householdsOf);
        QCOMPARE(d.villagePopulation, 4);
        QCOMPARE(d.villages, drawSample(villages, 2, 99));
        QCOMPARE(d.households.size(), 2);
        for (int i = 0; i < 2; ++i) {
            // The i-th village's households from seed + i + 1: re-done alone.
            QCOMPARE(d.households.at(i), drawSample(householdsOf(d.villages.at(i)), 3, 99 + quint64(i) + 1));
            QCOMPARE(d.householdDigests.at(i), populationDigest(householdsOf(d.villages.at(i))));
        }
        QVERIFY(seedFromText(newSeed()).has_value());
        QVERIFY(!seedFromText(u"-1"_s));
        QVERIFY(!seedFromText(u"12a"_s));
        QCOMPARE(*seedFromText(u"18446744073709551615"_s), quint64(18446744073709551615ULL));
    }

    void overdueRuleAndItsSql_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("due");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<bool>("overdue");
        QTest::newRow("rectifying, due today")
            << u"rectifying"_s << u"2026-10-08"_s << QDate(2026, 10, 8) << false;
        QTest::newRow("rectifying, due yesterday")
            << u"rectifying"_s << u"2026-10-07"_s << QDate(2026, 10, 8) << true;
        QTest::newRow("applied, late") << u"applied"_s << u"2026-09-30"_s << QDate(2026, 10, 8) << true;
        QTest::newRow("closed, late") << u"closed"_s << u"2026-09-30"_s << QDate(2026, 10, 8) << false;
        QTest::newRow("across the year") << u"rectifying"_s << u"2026-12-31"_s << QDate(2027, 1, 1) << true;
    }
    void overdueRuleAndItsSql()
    {
        QFETCH(QString, state);
        QFETCH(QString, due);
        QFETCH(QDate, today);
        QFETCH(bool, overdue);
        QCOMPARE(rectificationOverdue(*rectificationStateFromName(state), QDate::fromString(due, Qt::ISODate),
                                      today),
                 overdue);
        // The SQL the lists count with, over the same record stored as JSON.
        QSqlDatabase db = QSqlDatabase::contains(u"rules"_s)
                              ? QSqlDatabase::database(u"rules"_s)
                              : QSqlDatabase::addDatabase(u"QSQLITE"_s, u"rules"_s);
        db.setDatabaseName(u":memory:"_s);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE TEMP TABLE IF NOT EXISTS r (data TEXT)"_s));
        QVERIFY(q.exec(u"DELETE FROM r"_s));
        q.prepare(u"INSERT INTO r VALUES (?)"_s);
        q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonObject{{u"state"_s, state}, {u"dueOn"_s, due}})
                                             .toJson(QJsonDocument::Compact)));
        QVERIFY(q.exec());
        const rules::SqlCondition c = rectificationOverdueSql(
            [](const QString &f) { return u"json_extract(data, '$.%1')"_s.arg(f); }, today);
        QVERIFY(q.prepare(u"SELECT COUNT(*) FROM r WHERE "_s + c.sql));
        for (const QString &b : c.binds)
            q.addBindValue(b);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt() == 1, overdue);
    }
};

QTEST_GUILESS_MAIN(TestSupervisionRules)
#include "tst_supervision_rules.moc"
