// Import benchmark: a 100,000-row disbursement list (.xlsx, a few percent bad rows) read and checked with the
// full row report, and its valid rows saved into a fresh local cache in one transaction — the work of the
// disbursement import dialog — beside baselines measured in the same run: the plain .xlsx read of the same
// file and the raw SQLite insert rate of the same rows (one prepared INSERT in one transaction).
//
//   bench_import [--rows 100000] [--bad-every 33] [--keep DIR]
//
// Target: under 10 s in total for 100,000 rows.
#include "app/sync/LocalCache.h"
#include "common/core/IdCard.h"
#include "common/funds/DisbursementImport.h"
#include "common/funds/FundTypes.h"
#include "common/io/TableFile.h"
#include "common/io/XlsxWriter.h"
#include "tests/bench/ImportFigures.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::bench;

namespace {

const QString kCounty = u"320612000000"_s; // 通州区
const QString kCountyPath = u"/320600000000/320612000000/"_s;
const QString kDepartment = u"320612000000-civil-affairs"_s;
const QDate kToday(2026, 6, 10);

// The county, 5 towns and 60 villages (12 per town).
QList<OrgUnit> places()
{
    QList<OrgUnit> out;
    OrgUnit county;
    county.id = kCounty;
    county.parentId = u"320600000000"_s;
    county.level = OrgLevel::County;
    county.name = u"通州区"_s;
    county.path = kCountyPath;
    out.append(county);
    for (int t = 0; t < 5; ++t) {
        OrgUnit town;
        town.id = u"320612%1000"_s.arg(101 + t);
        town.parentId = kCounty;
        town.level = OrgLevel::Town;
        town.name = u"第%1镇"_s.arg(t + 1);
        town.path = kCountyPath + town.id + u'/';
        out.append(town);
        for (int v = 0; v < 12; ++v) {
            OrgUnit village;
            village.id = town.id.left(9) + u"%1"_s.arg(201 + v);
            village.parentId = town.id;
            village.level = OrgLevel::Village;
            village.name = u"%1镇%2村"_s.arg(t + 1).arg(v + 1);
            village.path = town.path + village.id + u'/';
            out.append(village);
        }
    }
    return out;
}

QString idFor(int i)
{
    // Unique for i < 5 * 20000: a birth date cycling over ~55 years and a sequence number.
    const QDate birth = QDate(1940, 1, 1).addDays(i % 20000);
    const QString first17 =
        u"320612"_s + birth.toString(u"yyyyMMdd"_s) + u"%1"_s.arg(i / 20000, 3, 10, QChar(u'0'));
    return first17 + IdCard::checkCharacter(first17);
}

const QStringList kHeader{u"序号"_s,       u"资金项目"_s, u"村（社区）"_s, u"姓名"_s,       u"身份证号"_s,
                          u"金额（元）"_s, u"所属期"_s,   u"发放日期"_s,   u"一折通账号"_s, u"备注"_s};

const QStringList kSurnames{u"张"_s, u"王"_s, u"李"_s, u"赵"_s, u"陈"_s,
                            u"刘"_s, u"杨"_s, u"黄"_s, u"周"_s, u"吴"_s};
const QStringList kGiven{u"建国"_s, u"秀英"_s, u"桂兰"_s, u"志强"_s,
                         u"玉珍"_s, u"德明"_s, u"凤英"_s, u"国华"_s};

// One row of the list; every `badEvery`-th row has one of seven defects.
QStringList row(int i, int badEvery, int *bad)
{
    const int villageNo = i % 60;
    const QString village = u"%1镇%2村"_s.arg(villageNo / 12 + 1).arg(villageNo % 12 + 1);
    QString line = u"农村尊老金"_s;
    QString amount = u"%1"_s.arg(50 + (i % 4) * 50);
    QString period = u"2026-05"_s;
    QString paid = u"2026-05-12"_s;
    const int kind = i % 20;
    if (kind < 3) {
        line = u"农村低保"_s; // monthly, households (the head's ID)
        amount = u"%1.50"_s.arg(300 + i % 500);
    } else if (kind < 5) {
        line = u"农村特困人员"_s;
        amount = u"1,080.00"_s;
    } else if (kind == 5) {
        line = u"农村临时救助"_s; // once
        amount = u"2000"_s;
        period = u"2026年第二季度"_s;
        paid = u"2026年5月8日"_s;
    } else if (kind == 6) {
        period = u"2026年5月"_s;
        paid = u"2026/5/12"_s;
    }
    QString id = idFor(i);
    if (badEvery > 0 && i % badEvery == badEvery - 1) {
        ++*bad;
        switch ((i / badEvery) % 7) {
        case 0:
            id[17] = id[17] == u'1' ? u'2' : u'1'; // check digit
            break;
        case 1:
            amount = u"一百元"_s;
            break;
        case 2:
            line = u"农村养老补贴"_s; // not in the catalog
            break;
        case 3: {
            // The previous row's payment again (the same recipient, line and period).
            int none = 0;
            QStringList again = row(i - 1, 0, &none);
            again[0] = QString::number(i + 1);
            return again;
        }
        case 4:
            paid = u"2026-06-11"_s; // tomorrow
            break;
        case 5:
            line = u"耕地地力保护资金"_s; // finance's line
            break;
        case 6:
            line = u"农村尊老金"_s;
            period = u"2026Q2"_s; // a quarter for a monthly line
            break;
        }
    }
    const QString name = kSurnames.at(i % kSurnames.size()) + kGiven.at((i / 10) % kGiven.size());
    return {QString::number(i + 1),
            line,
            village,
            name,
            id,
            amount,
            period,
            paid,
            u"62284800%1"_s.arg(10000000 + i),
            QString()};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int rows = 100000;
    int badEvery = 33;
    QString keep;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--rows"_s && i + 1 < args.size())
            rows = args.at(++i).toInt();
        else if (args.at(i) == u"--bad-every"_s && i + 1 < args.size())
            badEvery = args.at(++i).toInt();
        else if (args.at(i) == u"--keep"_s && i + 1 < args.size())
            keep = args.at(++i);
        else {
            out() << "usage: bench_import [--rows 100000] [--bad-every 33] [--keep DIR]\n";
            return 2;
        }
    }
    QTemporaryDir tmp;
    const QString dir = keep.isEmpty() ? tmp.path() : keep;
    QDir().mkpath(dir);
    const QString listPath = dir + u"/发放名单.xlsx"_s;

    // --- the list ---
    QElapsedTimer t;
    t.start();
    int bad = 0;
    {
        io::XlsxWriter w(listPath);
        w.beginSheet(u"发放名单"_s, kHeader);
        for (int i = 0; i < rows; ++i)
            w.writeRow(row(i, badEvery, &bad));
        if (!w.finish()) {
            out() << "cannot write the list: " << w.errorString() << "\n";
            return 1;
        }
    }
    const double generateS = t.nsecsElapsed() / 1e9;
    out() << u"bench_import: %1-row disbursement list (.xlsx, %2 MB), %3 rows with a defect (%4%); "
             u"clerk of 通州区民政局, today %5\n"_s.arg(rows)
                 .arg(QFileInfo(listPath).size() / 1048576.0, 0, 'f', 1)
                 .arg(bad)
                 .arg(100.0 * bad / rows, 0, 'f', 1)
                 .arg(kToday.toString(Qt::ISODate));
    out() << u"(generating the file took %1 s; not counted)\n\n"_s.arg(generateS, 0, 'f', 2);
    out().flush();

    funds::DisbursementImportOptions options;
    options.today = kToday;
    options.nowMs = QDateTime(kToday, QTime(10, 0), QTimeZone(8 * 3600)).toMSecsSinceEpoch();
    options.actor.userId = u"bench"_s;
    options.actor.orgUnitId = kCounty;
    options.actor.orgPath = kCountyPath;
    options.actor.departmentId = kDepartment;
    options.actor.roles = {Role::Clerk};
    options.departmentCode = u"civil-affairs"_s;
    options.departmentOrgUnitId = kCounty;
    options.places = places();
    qint64 progressCalls = 0;
    options.progress = [&progressCalls](qint64, qint64) {
        ++progressCalls;
        return true;
    };

    // --- baseline: the plain read ---
    t.restart();
    {
        const io::TableData plain = io::readTable(listPath);
        if (!plain.ok()) {
            out() << "cannot read the list: " << plain.error << "\n";
            return 1;
        }
    }
    const double readS = t.nsecsElapsed() / 1e9;

    // --- the import: read + check with the full row report ---
    t.restart();
    QElapsedTimer phase;
    phase.start();
    io::TableData table = io::readTable(listPath, options.progress);
    const double importReadS = phase.nsecsElapsed() / 1e9;
    phase.restart();
    const funds::DisbursementImportResult result = funds::checkDisbursements(table, options);
    const double checkOnlyS = phase.nsecsElapsed() / 1e9;
    const double checkS = t.nsecsElapsed() / 1e9;
    table = {};
    if (!result.ok()) {
        out() << "check failed: " << result.error << "\n";
        return 1;
    }

    // --- the import: save the valid rows into a fresh cache, one transaction ---
    const QString type = QString::fromUtf16(funds::DisbursementType::kName);
    double saveS = 0;
    {
        app::LocalCache cache(dir + u"/cache.sqlite"_s);
        QString error;
        QFile::remove(cache.path());
        if (!cache.open(&error)) {
            out() << "cache: " << error << "\n";
            return 1;
        }
        t.restart();
        QList<app::LocalCache::Change> changes;
        changes.reserve(result.rows.size());
        for (const funds::DisbursementRow &r : result.rows) {
            app::LocalCache::Change c;
            c.type = type;
            c.recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            c.orgUnitId = r.placement.orgUnitId;
            c.departmentId = r.placement.departmentId;
            c.changedFields = r.fields;
            changes.append(std::move(c));
        }
        const qsizetype saved = cache.saveAll(changes, options.nowMs, &error, options.progress);
        saveS = t.nsecsElapsed() / 1e9;
        if (saved != result.rows.size()) {
            out() << "save failed: " << error << "\n";
            return 1;
        }
        if (cache.pendingCount() != saved) {
            out() << "the cache holds " << cache.pendingCount() << " pending records, expected " << saved
                  << "\n";
            return 1;
        }
    }

    // --- baseline: the raw SQLite insert of the same rows ---
    QList<QStringList> raw;
    raw.reserve(result.rows.size());
    for (const funds::DisbursementRow &r : result.rows)
        raw.append({QUuid::createUuid().toString(QUuid::WithoutBraces), type, r.placement.orgUnitId,
                    r.placement.departmentId,
                    QString::fromUtf8(QJsonDocument(r.fields).toJson(QJsonDocument::Compact))});
    double rawS = 0;
    {
        const QString path = dir + u"/raw.sqlite"_s;
        QFile::remove(path);
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        if (!db.open()) {
            out() << "raw: " << db.lastError().text() << "\n";
            return 1;
        }
        QSqlQuery q(db);
        q.exec(u"PRAGMA journal_mode=WAL"_s);
        q.exec(u"PRAGMA synchronous=NORMAL"_s);
        q.exec(u"CREATE TABLE records (id TEXT PRIMARY KEY, type TEXT NOT NULL, org_unit_id TEXT NOT NULL, "
               u"department_id TEXT, data TEXT NOT NULL)"_s);
        t.restart();
        db.transaction();
        QSqlQuery insert(db);
        insert.prepare(
            u"INSERT INTO records (id, type, org_unit_id, department_id, data) VALUES (?, ?, ?, ?, ?)"_s);
        for (const QStringList &r : std::as_const(raw)) {
            for (int c = 0; c < 5; ++c)
                insert.bindValue(c, r.at(c));
            if (!insert.exec()) {
                out() << "raw insert: " << insert.lastError().text() << "\n";
                return 1;
            }
        }
        db.commit();
        rawS = t.nsecsElapsed() / 1e9;
        insert = QSqlQuery();
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);

    const double totalS = checkS + saveS;
    const qint64 n = rows;
    const qint64 valid = result.rows.size();
    QList<Figure> figures{
        {u"baseline: plain .xlsx read"_s, readS, n, {}},
        {u"read + check, full row report"_s, checkS, n,
         u"%1× the plain read"_s.arg(checkS / readS, 0, 'f', 2)},
        {u"  of which: read"_s, importReadS, n, {}},
        {u"  of which: check (%1 bad rows, %2 problems)"_s.arg(result.badRows).arg(result.problems.size()),
         checkOnlyS,
         n,
         {}},
        {u"baseline: raw SQLite insert, one transaction"_s, rawS, valid, {}},
        {u"save %1 valid rows to the cache, one transaction"_s.arg(valid), saveS, valid,
         u"%1× the raw insert"_s.arg(saveS / rawS, 0, 'f', 2)},
        {u"total: read + check + save"_s, totalS, n,
         u"target < 10 s: %1"_s.arg(totalS < 10 ? u"met"_s : u"MISSED"_s)},
    };
    printTable(figures);
    out() << u"\nvalid %1 rows (%2 yuan), bad %3 rows; peak memory %4 MB\n"_s.arg(valid)
                 .arg(double(result.validAmountFen) / 100.0, 0, 'f', 2)
                 .arg(result.badRows)
                 .arg(peakRssMb(), 0, 'f', 0);
    return totalS < 10 ? 0 : 3;
}
