// The late-sync rule (DESIGN.md "Sync"), table-driven: on time, accepted late within the grace period with a
// plausible clock, refused otherwise.
#include "common/sync/LateSync.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine::sync;

Q_DECLARE_METATYPE(LateSyncVerdict::Kind)

namespace {
// China time (UTC+8) as UTC milliseconds.
qint64 cn(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch() - 8LL * 3600 * 1000;
}
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
} // namespace

class TestLateSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void judge_data();
    void judge();
};

void TestLateSync::judge_data()
{
    QTest::addColumn<qint64>("serverNow");
    QTest::addColumn<qint64>("closesAt"); // 0: no window
    QTest::addColumn<qint64>("deviceTime");
    QTest::addColumn<qint64>("lastContact");
    QTest::addColumn<qint64>("deviceNow");
    QTest::addColumn<LateSyncVerdict::Kind>("expected");

    using K = LateSyncVerdict::Kind;
    // Visit entry for Q1 2026 closes at the start of 11 April (China time).
    const qint64 close = cn(2026, 4, 11);
    QTest::newRow("no window") << cn(2026, 5, 1) << qint64(0) << cn(2026, 5, 1) << qint64(0) << cn(2026, 5, 1)
                               << K::OnTime;
    QTest::newRow("before the close")
        << close - kHour << close << close - 2 * kHour << close - 3 * kHour << close - kHour << K::OnTime;
    QTest::newRow("one millisecond before the close")
        << close - 1 << close << close - kHour << qint64(0) << close - 1 << K::OnTime;
    // The close is the first moment entry is no longer open: arriving then is late.
    QTest::newRow("arrives exactly at the close, recorded before")
        << close << close << close - kHour << qint64(0) << close << K::AcceptedLate;
    QTest::newRow("recorded exactly at the close")
        << close + kHour << close << close << qint64(0) << close + kHour << K::Refused;
    QTest::newRow("recorded offline before, synced an hour after")
        << close + kHour << close << close - 5 * kHour << close - 30 * kHour << close + kHour
        << K::AcceptedLate;
    QTest::newRow("device clock a few minutes fast")
        << close + kHour << close << close - 5 * kHour << qint64(0) << close + kHour + 4 * kMinute
        << K::AcceptedLate;
    QTest::newRow("recorded after the close")
        << close + 2 * kHour << close << close + kHour << close - kHour << close + 2 * kHour << K::Refused;
    QTest::newRow("beyond the 3-day grace") << close + 73 * kHour << close << close - kHour
                                            << close - 2 * kHour << close + 73 * kHour << K::Refused;
    QTest::newRow("just within the grace") << close + 71 * kHour << close << close - kHour
                                           << close - 2 * kHour << close + 71 * kHour << K::AcceptedLate;
    QTest::newRow("device clock set back a day") << close + kHour << close << close - 2 * kHour << qint64(0)
                                                 << close + kHour - 24 * kHour << K::Refused;
    QTest::newRow("no device time sent")
        << close + kHour << close << close - 2 * kHour << qint64(0) << qint64(0) << K::Refused;
    QTest::newRow("entry before the last server contact")
        << close + kHour << close << close - 10 * kHour << close - 2 * kHour << close + kHour << K::Refused;
    QTest::newRow("entry after the device's now")
        << close + kHour << close << close + 2 * kHour << qint64(0) << close + kHour << K::Refused;
    // The device runs 5 minutes slow: its entry time 3 minutes before the close is really 2 minutes after it.
    QTest::newRow("slow clock moves the entry past the close")
        << close + kHour << close << close - 3 * kMinute << qint64(0) << close + kHour - 5 * kMinute
        << K::Refused;
}

void TestLateSync::judge()
{
    QFETCH(qint64, serverNow);
    QFETCH(qint64, closesAt);
    QFETCH(qint64, deviceTime);
    QFETCH(qint64, lastContact);
    QFETCH(qint64, deviceNow);
    QFETCH(LateSyncVerdict::Kind, expected);
    LateSyncInput in;
    in.serverNowMs = serverNow;
    if (closesAt != 0)
        in.closesAtMs = closesAt;
    in.deviceTimeMs = deviceTime;
    in.lastServerContactMs = lastContact;
    in.deviceNowMs = deviceNow;
    const LateSyncVerdict v = judgeLateSync(in);
    QCOMPARE(v.kind, expected);
    if (expected == LateSyncVerdict::Kind::Refused) {
        QVERIFY(v.reason.contains(u"截止"_s));
        QVERIFY(v.reason.contains(u"2026-04-11 00:00"_s));
    } else {
        QVERIFY(v.reason.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestLateSync)
#include "tst_latesync.moc"
