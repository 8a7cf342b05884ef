// The leaders' 首页 dashboard over caches synced from the real server (relief demo records plus fund records
// written for the test): every figure equals the sum computed here from the server's records; drilling down
// city → county → town narrows the figures to that subtree and the breadcrumbs go back up; the filters; a
// county leader's dashboard holds nothing outside the county; the records behind a figure are the ones it
// counts; PNG and PDF exports and the quarterly report are valid files; the models pass
// QAbstractItemModelTester.
#include "tests/support/AppProgram.h"
#include "tests/support/ServerFixture.h"
#include "tests/support/SyncHarness.h"

#include "app/dashboard/DashboardCharts.h"
#include "app/dashboard/DashboardData.h"
#include "app/dashboard/DashboardTab.h"
#include "app/dashboard/FigureModels.h"
#include "app/dashboard/QuarterReport.h"
#include "app/dashboard/RecordsBehindDialog.h"
#include "app/records/RecordListView.h"
#include "app/sync/ClientSession.h"
#include "common/core/WorkingCalendar.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundTypes.h"
#include "common/relief/ReliefRules.h"
#include "server/api/Services.h"
#include "server/demo/DemoData.h"
#include "server/funds/SummaryUpdater.h"
#include "server/relief/ReliefDemo.h"
#include "server/store/Store.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPainter>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTimeZone>
#include <QUuid>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::app;

namespace {

const QString kCity = u"320600000000"_s;
const QString kTongzhou = u"320612000000"_s; // 通州区, the demo county leader's
const QString kRudong = u"320623000000"_s;   // 如东县

// What this test expects, computed from the server's rows without the dashboard's code.
struct Expected
{
    qint64 fen = 0;
    qint64 count = 0;
    qint64 late = 0;
    qint64 overdue = 0;
    qint64 households = 0;
    qint64 exits = 0;
    qint64 paired = 0;
    qint64 pairings = 0;
    qint64 visited = 0;
    qint64 helpOverdue = 0;
    std::array<qint64, 12> months{};
    std::array<qint64, 12> lastYear{};
    QHash<QString, qint64> kinds; // kind name -> fen
    QHash<QString, qint64> deptLate;
    QHash<QString, qint64> deptOverdue;
};

struct Criteria
{
    int year = 2026;
    int quarter = 0;
    QString kind;
    QString department;
};

// "2026-03" -> (2026, 3); "2026Q2" -> (2026, 4).
std::pair<int, int> periodOf(const QString &period)
{
    const int year = period.left(4).toInt();
    if (period.mid(4, 1) == u"Q"_s)
        return {year, (period.mid(5, 1).toInt() - 1) * 3 + 1};
    return {year, period.mid(5, 2).toInt()};
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void figuresEqualTheRecords();
    void drillDownAndBack();
    void filters();
    void recordsBehindAFigure();
    void countyLeaderSeesOnlyTheCounty();
    void offlineShowsTheLocalCopy();
    void onlineAsksTheServer();
    void exports();
    void models();

private:
    bool open(const QString &username, test::AppProgram *program);
    void writeFundRecords();
    Expected expected(const QString &rootId, const Criteria &c);
    QString pathOf(const QString &orgUnitId);

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerFixture> m_server;
    test::AppProgram m_city;
    test::AppProgram m_county;
    QHash<QString, QString> m_paths;
    QHash<QString, test::ServerRow> m_rows;
    QDate m_today;
};

void TestDashboard::initTestCase()
{
    m_server = std::make_unique<test::ServerFixture>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    // 2026-11-20 10:00 in China.
    m_server->clock().setNowMs(
        QDateTime(QDate(2026, 11, 20), QTime(2, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    m_today = QDate(2026, 11, 20);
    const ReliefDemo::Counts counts =
        ReliefDemo::loadIfEmpty(m_server->store(), m_server->clock(), m_server->services().audit);
    QVERIFY(counts.households > 0);
    writeFundRecords();
    m_rows = test::serverRecords(m_server->store());
    QVERIFY(open(u"city-leader"_s, &m_city));
    QVERIFY(open(u"county-leader"_s, &m_county));
}

bool TestDashboard::open(const QString &username, test::AppProgram *program)
{
    return program->open(*m_server, username, m_dir.filePath(username + u".sqlite"_s));
}

QString TestDashboard::pathOf(const QString &orgUnitId)
{
    auto it = m_paths.constFind(orgUnitId);
    if (it == m_paths.constEnd())
        it = m_paths.insert(orgUnitId, test::orgPathOf(m_server->store(), orgUnitId));
    return *it;
}

// Disbursements and allocations in two counties, at county, town and village level, in 2025 and 2026, of
// every fund kind, some entered late, some without vouchers, some allocations not reported in time.
void TestDashboard::writeFundRecords()
{
    QList<funds::FundLine> lines;
    QHash<funds::FundKind, int> perKind;
    const QList<funds::FundLine> all = funds::allFundLines();
    for (const funds::FundLine &l : all) {
        if (perKind.value(l.kind) < 2 && l.cycle != funds::PaymentCycle::PerProject) {
            lines.append(l);
            ++perKind[l.kind];
        }
    }
    QCOMPARE(lines.size(), 8);
    Store &store = m_server->store();
    Transaction tx(store);
    SqlQuery head(store, u"SELECT seq FROM sync_head WHERE id = 1"_s);
    head.exec();
    head.next();
    qint64 seq = head.int64(0);
    const qint64 now = m_server->clock().nowMs();
    const auto add = [&](const QString &type, const QString &orgUnitId, const QString &department,
                         const QJsonObject &fields) {
        SqlQuery q(store,
                   u"INSERT INTO records (id, type, org_unit_id, org_path, department_id, version, seq, "
                   u"updated_at, updated_by, deleted, late_synced, created_at, created_by, data) "
                   u"VALUES (?, ?, ?, ?, ?, 1, ?, ?, 'test', 0, 0, ?, 'test', ?)"_s);
        q.bindText(QUuid::createUuid().toString(QUuid::WithoutBraces))
            .bindText(type)
            .bindText(orgUnitId)
            .bindText(pathOf(orgUnitId))
            .bindText(department)
            .bind(++seq)
            .bind(now)
            .bind(now)
            .bindText(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)))
            .exec();
    };
    int i = 0;
    for (const QString &county : {kTongzhou, kRudong}) {
        const QString prefix = county.left(6);
        const QString t0 = DemoData::townId(prefix, 0), t1 = DemoData::townId(prefix, 1);
        const QStringList places{county,
                                 t0,
                                 DemoData::villageId(t0, 0),
                                 DemoData::villageId(t0, 1),
                                 DemoData::villageId(t1, 0),
                                 t1,
                                 DemoData::villageId(t1, 2)};
        for (int n = 0; n < 150; ++n, ++i) {
            const funds::FundLine &line = lines.at(i % lines.size());
            const QString place = places.at((i / 3) % places.size());
            const int year = i % 3 == 0 ? 2025 : 2026;
            const int month = 1 + (i * 7) % 10;
            QString period = u"%1-%2"_s.arg(year).arg(month, 2, 10, QChar(u'0'));
            if (line.cycle == funds::PaymentCycle::Quarterly)
                period = u"%1Q%2"_s.arg(year).arg((month - 1) / 3 + 1);
            const QDate paid(year, month, 10);
            QJsonObject f{{u"fundCode"_s, line.code},
                          {u"recipientKind"_s, u"unit"_s},
                          {u"recipientName"_s, u"测试单位%1"_s.arg(i)},
                          {u"amountFen"_s, 100000 + qint64(i) * 12345},
                          {u"period"_s, period},
                          {u"paidOn"_s, paid.toString(Qt::ISODate)},
                          {u"enteredOn"_s, paid.addDays(i % 5 == 0 ? 30 : 2).toString(Qt::ISODate)},
                          {u"entryDueOn"_s, paid.addDays(9).toString(Qt::ISODate)}};
            if (i % 4 != 0)
                f.insert(u"vouchers"_s, QJsonArray{u"ab%1"_s.arg(i)});
            add(u"disbursement"_s, place, county + u'-' + line.leadDepartment, f);
        }
        for (int n = 0; n < 6; ++n, ++i) {
            const funds::FundLine &line = lines.at(i % lines.size());
            const QDate received(2026, 10, 1 + n * 3);
            QJsonObject f{{u"fundCode"_s, line.code},
                          {u"sourceLevel"_s, u"provincial"_s},
                          {u"year"_s, 2026},
                          {u"amountFen"_s, 5000000 + n},
                          {u"documentNo"_s, u"通财〔2026〕%1号"_s.arg(n)},
                          {u"receivedOn"_s, received.toString(Qt::ISODate)},
                          {u"account"_s, u"agriculture"_s},
                          {u"reportDueOn"_s, received.addDays(7).toString(Qt::ISODate)}};
            if (n % 2 == 0)
                f.insert(u"reportedOn"_s, received.addDays(2).toString(Qt::ISODate));
            add(u"fund-allocation"_s, places.at(n % 2), county + u'-' + line.leadDepartment, f);
        }
    }
    SqlQuery(store, u"UPDATE sync_head SET seq = ? WHERE id = 1"_s).bind(seq).exec();
    tx.commit();
    // The server's summaries, as its loaders keep them, so that its dashboard route counts these records too.
    SummaryUpdater::rebuild(store);
}

Expected TestDashboard::expected(const QString &rootId, const Criteria &c)
{
    const QString root = pathOf(rootId);
    const WorkingCalendar &calendar = WorkingCalendar::builtIn();
    // The quarter's visits; for the whole year, the quarter under check (the fourth of a past year).
    const relief::Quarter visitQuarter = c.quarter                 ? relief::Quarter{c.year, c.quarter}
                                         : c.year < m_today.year() ? relief::Quarter{c.year, 4}
                                                                   : relief::quarterUnderCheck(m_today);
    Expected e;
    QSet<QString> paired;  // household ids with a pairing in their village
    QSet<QString> visited; // pairing ids visited in the quarter
    for (const test::ServerRow &r : std::as_const(m_rows)) {
        if (r.deleted)
            continue;
        if (r.type == u"pairing"_s)
            paired.insert(r.fields.value(u"householdId"_s).toString() + u'@' + r.orgUnitId);
        if (r.type == u"visit"_s && r.fields.value(u"quarter"_s).toString() == visitQuarter.toString())
            visited.insert(r.fields.value(u"pairingId"_s).toString());
    }
    for (const test::ServerRow &r : std::as_const(m_rows)) {
        if (r.deleted || !pathOf(r.orgUnitId).startsWith(root))
            continue;
        const QJsonObject &f = r.fields;
        if (r.type == u"disbursement"_s || r.type == u"fund-allocation"_s) {
            const std::optional<funds::FundLine> line =
                funds::findFundLine(f.value(u"fundCode"_s).toString());
            if (!line || (!c.kind.isEmpty() && funds::fundKindName(line->kind) != c.kind) ||
                (!c.department.isEmpty() && r.departmentId != c.department))
                continue;
            if (r.type == u"fund-allocation"_s) {
                if (f.value(u"reportedOn"_s).toString().isEmpty() &&
                    f.value(u"reportDueOn"_s).toString() < m_today.toString(Qt::ISODate)) {
                    ++e.overdue;
                    ++e.deptOverdue[r.departmentId];
                }
                continue;
            }
            const QDate paid = QDate::fromString(f.value(u"paidOn"_s).toString(), Qt::ISODate);
            const bool enteredLate = f.value(u"enteredOn"_s).toString() > f.value(u"entryDueOn"_s).toString();
            if (!enteredLate && f.value(u"vouchers"_s).toArray().isEmpty() &&
                calendar.addWorkingDays(paid, 5) < m_today) {
                ++e.overdue;
                ++e.deptOverdue[r.departmentId];
            }
            const auto [year, month] = periodOf(f.value(u"period"_s).toString());
            const qint64 fen = qint64(f.value(u"amountFen"_s).toDouble());
            if (year == c.year)
                e.months[size_t(month - 1)] += fen;
            if (year == c.year - 1)
                e.lastYear[size_t(month - 1)] += fen;
            if (year != c.year || (c.quarter && (month - 1) / 3 + 1 != c.quarter))
                continue;
            e.fen += fen;
            ++e.count;
            e.kinds[funds::fundKindName(line->kind)] += fen;
            if (enteredLate) {
                ++e.late;
                ++e.deptLate[r.departmentId];
            }
        } else if (r.type == u"household"_s) {
            if (f.value(u"status"_s).toString() == u"registered"_s) {
                ++e.households;
                if (paired.contains(r.id + u'@' + r.orgUnitId))
                    ++e.paired;
            }
            if (f.value(u"exitYear"_s).toInt() == c.year && f.contains(u"exitYear"_s))
                ++e.exits;
        } else if (r.type == u"pairing"_s) {
            ++e.pairings;
            if (visited.contains(r.id))
                ++e.visited;
        } else if (r.type == u"help-request"_s && !f.contains(u"resultOn"_s)) {
            const QDate raised = QDate::fromString(f.value(u"raisedOn"_s).toString(), Qt::ISODate);
            const QDate assigned = QDate::fromString(f.value(u"assignedOn"_s).toString(), Qt::ISODate);
            const bool answerLate = !f.contains(u"answeredOn"_s) && raised.isValid() &&
                                    calendar.addWorkingDays(raised, 5) < m_today;
            const bool resultLate = assigned.isValid() && calendar.addWorkingDays(assigned, 10) < m_today;
            if (answerLate || resultLate)
                ++e.helpOverdue;
        }
    }
    return e;
}

#define COMPARE_FIGURES(figures, e)                                                                          \
    do {                                                                                                     \
        QCOMPARE((figures).total.disbursedFen, (e).fen);                                                     \
        QCOMPARE((figures).total.disbursements, (e).count);                                                  \
        QCOMPARE((figures).total.enteredLate, (e).late);                                                     \
        QCOMPARE((figures).total.overdue, (e).overdue);                                                      \
        QCOMPARE((figures).total.households, (e).households);                                                \
        QCOMPARE((figures).total.exits, (e).exits);                                                          \
        QCOMPARE((figures).total.paired, (e).paired);                                                        \
        QCOMPARE((figures).total.pairings, (e).pairings);                                                    \
        QCOMPARE((figures).total.visited, (e).visited);                                                      \
        QCOMPARE((figures).total.helpOverdue, (e).helpOverdue);                                              \
        for (int m_ = 0; m_ < 12; ++m_) {                                                                    \
            QCOMPARE((figures).monthFen[size_t(m_)], (e).months[size_t(m_)]);                                \
            QCOMPARE((figures).lastYearFen[size_t(m_)], (e).lastYear[size_t(m_)]);                           \
        }                                                                                                    \
        for (const KindFigures &k_ : (figures).kinds)                                                        \
            QCOMPARE(k_.amountFen, (e).kinds.value(k_.kind));                                                \
        for (const DepartmentFigures &d_ : (figures).departments) {                                          \
            QCOMPARE(d_.enteredLate, (e).deptLate.value(d_.departmentId));                                   \
            QCOMPARE(d_.overdue, (e).deptOverdue.value(d_.departmentId));                                    \
        }                                                                                                    \
    } while (false)

void TestDashboard::figuresEqualTheRecords()
{
    DashboardData data(*m_city.session);
    const DashboardFigures f = data.compute({2026, 0, {}, {}, {}});
    QVERIFY(f.valid);
    QCOMPARE(f.unit.id, kCity);
    const Expected e = expected(kCity, {});
    QVERIFY(e.fen > 0 && e.late > 0 && e.overdue > 0 && e.households > 100 && e.helpOverdue > 0);
    QVERIFY((e.lastYear != std::array<qint64, 12>{}));
    COMPARE_FIGURES(f, e);
    // Every kind has money, every department with late or overdue entries is listed.
    for (const KindFigures &k : f.kinds)
        QVERIFY2(k.amountFen > 0, qPrintable(k.kind));
    QCOMPARE(f.departments.size(),
             qsizetype(QSet<QString>(e.deptLate.keyBegin(), e.deptLate.keyEnd())
                           .unite(QSet<QString>(e.deptOverdue.keyBegin(), e.deptOverdue.keyEnd()))
                           .size()));
    // Each county's bar is that county's sum; the children add up to the total.
    qint64 sum = 0;
    for (const UnitFigures &c : f.children) {
        QVERIFY(!c.own);
        QCOMPARE(c.disbursedFen, expected(c.orgUnitId, {}).fen);
        QCOMPARE(c.households, expected(c.orgUnitId, {}).households);
        sum += c.disbursedFen;
    }
    QCOMPARE(sum, f.total.disbursedFen);
}

void TestDashboard::drillDownAndBack()
{
    DashboardTab tab(*m_city.session);
    tab.setAskServer(false);
    tab.refresh();
    QCOMPARE(tab.figures().unit.id, kCity);
    const QList<QPair<QString, qint64>> bars = tab.barChart()->bars();
    qsizetype tongzhou = -1;
    for (qsizetype i = 0; i < bars.size(); ++i) {
        if (bars.at(i).first == kTongzhou)
            tongzhou = i;
    }
    QVERIFY(tongzhou >= 0);
    QCOMPARE(bars.at(tongzhou).second, expected(kTongzhou, {}).fen);

    // A click on the county's bar: the county's figures, bars per town.
    tab.barChart()->clickBar(int(tongzhou));
    QCOMPARE(tab.figures().unit.id, kTongzhou);
    COMPARE_FIGURES(tab.figures(), expected(kTongzhou, {}));
    QCOMPARE(tab.breadcrumbText(),
             u"%1 › %2"_s.arg(m_city.session->orgUnitName(kCity), m_city.session->orgUnitName(kTongzhou)));
    // The county's own records (placed on the county itself) have a row of their own.
    const QList<UnitFigures> children = tab.figures().children;
    QVERIFY(std::any_of(children.begin(), children.end(), [](const UnitFigures &u) { return u.own; }));

    // A click on a town's row in the table: the town's figures.
    const QString town = DemoData::townId(u"320612"_s, 0);
    int row = -1;
    for (int r = 0; r < tab.unitModel()->rowCount(); ++r) {
        if (tab.unitModel()->index(r, 0).data(UnitFiguresModel::OrgUnitIdRole).toString() == town)
            row = r;
    }
    QVERIFY(row >= 0);
    QCOMPARE(tab.unitModel()
                 ->index(row, UnitFiguresModel::Disbursed)
                 .data(UnitFiguresModel::RawValueRole)
                 .toLongLong(),
             expected(town, {}).fen);
    Q_EMIT tab.unitTable()->clicked(tab.unitModel()->index(row, UnitFiguresModel::Place));
    QCOMPARE(tab.figures().unit.id, town);
    COMPARE_FIGURES(tab.figures(), expected(town, {}));
    QCOMPARE(tab.figures().trail.size(), 3);
    // Villages below the town are the children now.
    for (const UnitFigures &c : tab.figures().children)
        QVERIFY(c.own || m_city.session->orgUnit(c.orgUnitId)->level == OrgLevel::Village);

    // The breadcrumbs go back up to the city.
    QLabel *crumbs = nullptr;
    const QList<QLabel *> labels = tab.findChildren<QLabel *>();
    for (QLabel *l : labels) {
        if (l->text().contains(u"<a href=\""_s + kCity))
            crumbs = l;
    }
    QVERIFY(crumbs);
    Q_EMIT crumbs->linkActivated(kCity);
    QCOMPARE(tab.figures().unit.id, kCity);
    COMPARE_FIGURES(tab.figures(), expected(kCity, {}));
}

void TestDashboard::filters()
{
    DashboardTab tab(*m_city.session);
    tab.setAskServer(false);
    const QString agriculture = kTongzhou + u"-agriculture"_s;
    const QList<Criteria> cases{{2026, 3, {}, {}},
                                {2026, 0, u"agricultural"_s, {}},
                                {2026, 0, u"relief-fiscal"_s, {}},
                                {2025, 0, {}, {}},
                                {2026, 2, {}, agriculture},
                                {2026, 0, u"relief-donation"_s, kTongzhou + u"-charity"_s}};
    for (const Criteria &c : cases) {
        tab.setFilter({c.year, c.quarter, c.kind, c.department, kCity});
        const Expected e = expected(kCity, c);
        COMPARE_FIGURES(tab.figures(), e);
        if (!c.kind.isEmpty()) {
            for (const KindFigures &k : tab.figures().kinds)
                QCOMPARE(k.amountFen > 0, k.kind == c.kind && e.fen > 0);
        }
    }
    // The filters stay when drilling down.
    tab.setFilter({2026, 0, u"agricultural"_s, {}, kCity});
    tab.drillTo(kTongzhou);
    COMPARE_FIGURES(tab.figures(), expected(kTongzhou, {2026, 0, u"agricultural"_s, {}}));
    QVERIFY(tab.figures().total.disbursedFen < expected(kTongzhou, {}).fen);
}

void TestDashboard::recordsBehindAFigure()
{
    DashboardTab tab(*m_city.session);
    tab.setAskServer(false);
    tab.setFilter({2026, 0, {}, {}, kTongzhou});
    const UnitFigures total = tab.figures().total;
    const auto countOf = [&](const FigureRef &ref) {
        RecordsBehindDialog *dialog = tab.showBehind(ref);
        qint64 n = 0;
        for (RecordListView *list : dialog->lists())
            n += list->model().totalCount();
        dialog->close();
        return n;
    };
    QCOMPARE(countOf({Figure::Disbursed}), total.disbursements);
    QCOMPARE(countOf({Figure::Households}), total.households);
    QCOMPARE(countOf({Figure::Exits}), total.exits);
    QCOMPARE(countOf({Figure::Unpaired}), total.households - total.paired);
    QCOMPARE(countOf({Figure::NotVisited}), total.pairings - total.visited);
    QCOMPARE(countOf({Figure::HelpOverdue}), total.helpOverdue);
    QCOMPARE(countOf({Figure::Overdue}), total.overdue);
    QCOMPARE(countOf({Figure::EnteredLate}), total.enteredLate);

    // The money listed adds up to the figure.
    RecordsBehindDialog *dialog = tab.showBehind({Figure::Disbursed});
    RecordTableModel &model = dialog->lists().at(0)->model();
    while (model.canFetchMore({}))
        model.fetchMore({});
    qint64 fen = 0;
    const int amount = model.columnOf(u"amountFen"_s);
    for (int r = 0; r < model.rowCount(); ++r)
        fen += model.index(r, amount).data(RecordTableModel::RawValueRole).toLongLong();
    QCOMPARE(fen, total.disbursedFen);
    dialog->close();

    // One month of last year, one kind, one town's own records.
    FigureRef month(Figure::Disbursed);
    month.year = 2025;
    month.month = 4;
    qint64 april = 0;
    for (const test::ServerRow &r : std::as_const(m_rows)) {
        if (r.type == u"disbursement"_s && pathOf(r.orgUnitId).startsWith(pathOf(kTongzhou)) &&
            periodOf(r.fields.value(u"period"_s).toString()) == std::pair<int, int>(2025, 4))
            ++april;
    }
    QVERIFY(april > 0);
    QCOMPARE(countOf(month), april);
    const QString town = DemoData::townId(u"320612"_s, 0);
    qint64 own = 0;
    for (const UnitFigures &c : tab.figures().children) {
        if (c.orgUnitId == town)
            QVERIFY(c.disbursements > 0);
    }
    for (const test::ServerRow &r : std::as_const(m_rows)) {
        if (r.type == u"disbursement"_s && r.orgUnitId == town &&
            periodOf(r.fields.value(u"period"_s).toString()).first == 2026)
            ++own;
    }
    QCOMPARE(countOf({Figure::Disbursed, town, true}), own);
}

void TestDashboard::countyLeaderSeesOnlyTheCounty()
{
    const QString countyPath = pathOf(kTongzhou);
    // The cache holds the county only.
    QSqlQuery q(m_county.session->cache().database());
    QVERIFY(q.exec(u"SELECT DISTINCT org_unit_id FROM records"_s));
    int units = 0;
    while (q.next()) {
        QVERIFY2(pathOf(q.value(0).toString()).startsWith(countyPath), qPrintable(q.value(0).toString()));
        ++units;
    }
    QVERIFY(units > 10);

    DashboardTab tab(*m_county.session);
    tab.setAskServer(false);
    tab.refresh();
    QCOMPARE(tab.figures().unit.id, kTongzhou);
    QCOMPARE(tab.figures().trail.size(), 1);
    COMPARE_FIGURES(tab.figures(), expected(kTongzhou, {}));
    for (const UnitFigures &c : tab.figures().children)
        QVERIFY(c.own || pathOf(c.orgUnitId).startsWith(countyPath));
    // Another county, or the city, cannot be looked at.
    tab.drillTo(kRudong);
    QCOMPARE(tab.figures().unit.id, kTongzhou);
    tab.setFilter({2026, 0, {}, {}, kCity});
    QCOMPARE(tab.figures().unit.id, kTongzhou);
    // Every record behind a figure lies in the county.
    RecordsBehindDialog *dialog = tab.showBehind({Figure::Disbursed});
    RecordTableModel &model = dialog->lists().at(0)->model();
    while (model.canFetchMore({}))
        model.fetchMore({});
    QVERIFY(model.rowCount() > 0);
    const int place = model.columnOf(u"@orgUnit"_s);
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(pathOf(model.index(r, place).data(RecordTableModel::RawValueRole).toString())
                    .startsWith(countyPath));
    dialog->close();
    // Only the county's departments are listed.
    for (const DepartmentFigures &d : tab.figures().departments)
        QVERIFY2(d.departmentId.startsWith(kTongzhou), qPrintable(d.departmentId));
}

void TestDashboard::offlineShowsTheLocalCopy()
{
    DashboardTab tab(*m_county.session);
    const QUrl server = m_county.client->api().serverUrl();
    m_county.client->api().setServerUrl(test::closedPortUrl());
    tab.setAskServer(true);
    QSignalSpy shown(&tab, &DashboardTab::figuresShown);
    tab.refresh();
    QTest::qWait(1500);
    QCOMPARE(shown.count(), 1); // the local figures, and nothing from the server
    QVERIFY(!tab.figures().fromServer);
    const qint64 lastSync = m_county.session->cache().lastSyncMs();
    QVERIFY(lastSync > 0);
    QCOMPARE(tab.figures().asOfMs, lastSync);
    QVERIFY2(
        tab.asOfText().contains(
            QDateTime::fromMSecsSinceEpoch(lastSync, QTimeZone(8 * 3600)).toString(u"yyyy-MM-dd HH:mm"_s)),
        qPrintable(tab.asOfText()));
    COMPARE_FIGURES(tab.figures(), expected(kTongzhou, {}));
    m_county.client->api().setServerUrl(server);
}

// Online, the fund figures come from the server's summaries: the same sums, with the time of the answer.
void TestDashboard::onlineAsksTheServer()
{
    const QList<std::pair<QString, Criteria>> cases{{kCity, {}},
                                                    {kTongzhou, {2026, 3, {}, {}}},
                                                    {kTongzhou, {2026, 0, u"agricultural"_s, {}}},
                                                    {DemoData::townId(u"320612"_s, 0), {}},
                                                    {kCity, {2026, 0, {}, kTongzhou + u"-agriculture"_s}}};
    DashboardTab tab(*m_city.session);
    for (const auto &[unit, c] : cases) {
        QSignalSpy shown(&tab, &DashboardTab::figuresShown);
        tab.setAskServer(true);
        tab.setFilter({c.year, c.quarter, c.kind, c.department, unit});
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, 10000);
        const DashboardFigures &f = tab.figures();
        QVERIFY(f.fromServer);
        QCOMPARE(f.asOfMs, m_server->clock().nowMs());
        QVERIFY2(tab.asOfText().contains(u"server"_s), qPrintable(tab.asOfText()));
        const Expected e = expected(unit, c);
        COMPARE_FIGURES(f, e);
        for (const UnitFigures &child : f.children) {
            if (!child.own)
                QCOMPARE(child.disbursedFen, expected(child.orgUnitId, c).fen);
        }
    }
}

void TestDashboard::exports()
{
    DashboardTab tab(*m_city.session);
    tab.setAskServer(false);
    tab.resize(1400, 900);
    tab.show();
    tab.drillTo(kTongzhou);
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QCoreApplication::processEvents();

    const QString png = m_dir.filePath(u"dashboard.png"_s);
    QString error;
    QVERIFY2(tab.exportPng(tab.board(), png, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 800 && image.height() > 600);
    const QString chartPng = m_dir.filePath(u"bars.png"_s);
    QVERIFY2(tab.exportPng(tab.barChart(), chartPng, &error), qPrintable(error));
    QVERIFY(!QImage(chartPng).isNull());

    const auto validPdf = [](const QString &path) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly) || f.size() < 1000)
            return false;
        const QByteArray bytes = f.readAll();
        return bytes.startsWith("%PDF-") && bytes.trimmed().endsWith("%%EOF");
    };
    const QString pdf = m_dir.filePath(u"dashboard.pdf"_s);
    QVERIFY2(tab.exportPdf(tab.board(), pdf, &error), qPrintable(error));
    QVERIFY(validPdf(pdf));
    const QString chartPdf = m_dir.filePath(u"months.pdf"_s);
    QVERIFY2(tab.exportPdf(tab.lineChart(), chartPdf, &error), qPrintable(error));
    QVERIFY(validPdf(chartPdf));

    QuarterReport report(tab.data());
    const QString reportPdf = m_dir.filePath(u"report.pdf"_s);
    QVERIFY2(report.writePdf(kTongzhou, relief::Quarter{2026, 3}, reportPdf, &error), qPrintable(error));
    QVERIFY(validPdf(reportPdf));
    QVERIFY(
        !report.writePdf(u"999999999999"_s, relief::Quarter{2026, 3}, m_dir.filePath(u"x.pdf"_s), &error));

    // For a look by eye: SUNSHINE_DASHBOARD_SHOTS=<dir> keeps the pictures and PDFs.
    const QString keep = qEnvironmentVariable("SUNSHINE_DASHBOARD_SHOTS");
    if (!keep.isEmpty()) {
        QDir().mkpath(keep);
        for (const QString &name :
             {u"dashboard.png"_s, u"bars.png"_s, u"dashboard.pdf"_s, u"months.pdf"_s, u"report.pdf"_s}) {
            QFile::remove(QDir(keep).filePath(name));
            QFile::copy(m_dir.filePath(name), QDir(keep).filePath(name));
        }
        tab.grab().save(QDir(keep).filePath(u"tab.png"_s));
        // The report's text and tables as laid out (the PDF itself needs a PDF viewer).
        const std::unique_ptr<QTextDocument> doc = report.document(kTongzhou, relief::Quarter{2026, 3});
        doc->setTextWidth(760);
        QImage page(QSize(760, qMin(int(doc->size().height()), 4000)), QImage::Format_ARGB32);
        page.fill(Qt::white);
        QPainter painter(&page);
        doc->drawContents(&painter);
        painter.end();
        page.save(QDir(keep).filePath(u"report.png"_s));
    }
}

void TestDashboard::models()
{
    DashboardTab tab(*m_city.session);
    tab.setAskServer(false);
    QAbstractItemModelTester units(tab.unitModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester departments(tab.departmentModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    tab.refresh();
    tab.drillTo(kTongzhou);
    tab.drillTo(DemoData::townId(u"320612"_s, 1));
    tab.setFilter({2025, 4, u"relief-other"_s, {}, kCity});
    QVERIFY(tab.unitModel()->rowCount() > 1);
    QCOMPARE(tab.unitModel()->columnCount(), int(UnitFiguresModel::ColumnCount));
    // The last row is the total.
    const int last = tab.unitModel()->rowCount() - 1;
    QCOMPARE(tab.unitModel()
                 ->index(last, UnitFiguresModel::Disbursed)
                 .data(UnitFiguresModel::RawValueRole)
                 .toLongLong(),
             tab.figures().total.disbursedFen);
    QCOMPARE(wanYuan(1234567), u"1.23"_s);
    QCOMPARE(wanYuan(1235000), u"1.24"_s);
    QCOMPARE(wanYuan(0), u"0.00"_s);
    QCOMPARE(wanYuan(123456789012), u"123456.79"_s);
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
