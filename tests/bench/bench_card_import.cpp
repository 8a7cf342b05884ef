// Village card statement benchmark: a 100,000-line bank statement of one card (CSV as the bank exports it,
// about 1 % bad lines, refunds, cash, night and holiday use) read and checked with the full row report and
// every purchase matched with the card's 2,000 approved spend requests, its good lines saved into a fresh
// local cache in one transaction (the work of the statement import dialog), and the eight card warning rules
// evaluated on the card as the server does after the push — beside baselines measured in the same run: the
// plain read of the same file and the raw SQLite insert rate of the same rows.
//
//   bench_card_import [--rows 100000] [--keep DIR]
//
// Target: under 10 s in total on 2 cores.
#include "app/sync/LocalCache.h"
#include "common/card/CardStatementImport.h"
#include "common/card/CardTypes.h"
#include "common/card/CardWarnings.h"
#include "common/core/WorkingCalendar.h"
#include "common/io/TableFile.h"
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

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::bench;

namespace {

const QDate kToday(2026, 11, 20);
const QString kCardId = u"bench-card"_s;
const QString kVillage = u"320612101201"_s;
const QString kVillagePath = u"/320600000000/320612000000/320612101000/320612101201/"_s;

// The records the rules read, held in memory (the card, its requests, the imported lines).
class MemoryRuleData final : public rules::RuleData
{
public:
    QHash<QString, QList<rules::RuleRecord>> byType;

    void scan(const QString &type, const rules::RuleFilter &filter,
              const std::function<void(const rules::RuleRecord &)> &each) override
    {
        for (const rules::RuleRecord &r : byType.value(type)) {
            if (matches(r, filter))
                each(r);
        }
    }
    void groups(const QString &, const QStringList &, const rules::RuleFilter &,
                const std::function<void(const QList<rules::RuleRecord> &)> &) override
    {}
    QHash<QString, qint64> totals(const QString &, const rules::RuleFilter &, const QString &) override
    {
        return {};
    }

private:
    static bool matches(const rules::RuleRecord &r, const rules::RuleFilter &f)
    {
        if (!f.ids.isEmpty() && !f.ids.contains(r.id))
            return false;
        for (const auto &[field, value] : f.equals) {
            if (r.text(field) != value)
                return false;
        }
        for (const auto &[field, values] : f.any) {
            if (!values.contains(r.text(field)))
                return false;
        }
        return true;
    }
};

const QStringList kMerchants{u"通州文具商店"_s, u"中国移动通州营业厅"_s, u"苏果超市"_s,   u"润发农资店"_s,
                             u"兴旺印刷社"_s,   u"南通汽车客运站"_s,     u"五金建材城"_s, u"濠河饭店"_s};
const QStringList kMcc{u"5943"_s, u"4814"_s, u"5411"_s, u"5200"_s,
                       u"2741"_s, u"4131"_s, u"5251"_s, u"5812"_s};

// One statement line; every 97th has a defect.
QStringList line(int i, int *bad)
{
    const QDate day = kToday.addDays(-(i % 700));
    const int minute = 8 * 60 + (i * 7) % (14 * 60); // 08:00–21:59, some nights below
    QString time = u"%1:%2:%3"_s.arg(minute / 60, 2, 10, QChar(u'0'))
                       .arg(minute % 60, 2, 10, QChar(u'0'))
                       .arg(i % 60, 2, 10, QChar(u'0'));
    if (i % 211 == 0)
        time = u"23:40:00"_s;
    QString kind = u"消费"_s;
    QString amount = u"-%1.%2"_s.arg(20 + (i * 37) % 480).arg(i % 100, 2, 10, QChar(u'0'));
    QString merchant = kMerchants.at(i % kMerchants.size());
    QString mcc = kMcc.at(i % kMcc.size());
    QString channel = i % 3 == 0 ? u"扫码"_s : u"POS"_s;
    QString counterparty;
    if (i % 53 == 0) {
        kind = u"ATM取款"_s;
        amount = u"-500.00"_s;
        merchant = u"农商银行自助银行"_s;
        mcc = u"6011"_s;
        channel = u"ATM"_s;
    } else if (i % 29 == 0) {
        kind = u"还款"_s;
        amount = u"3000.00"_s;
        merchant.clear();
        mcc.clear();
        channel = u"柜面"_s;
        counterparty = u"演示村股份经济合作社"_s;
    } else if (i % 41 == 0) {
        kind = u"消费退货"_s;
        amount = u"%1.%2"_s.arg(20 + ((i - 1) * 37) % 480).arg((i - 1) % 100, 2, 10, QChar(u'0'));
        merchant = kMerchants.at((i - 1) % kMerchants.size());
        mcc = kMcc.at((i - 1) % kMcc.size());
    } else if (i % 17 == 0) {
        amount = u"-%1.00"_s.arg(600 + i % 900); // above the director's tier: needs a request
    }
    QString ref = u"SN%1"_s.arg(i, 9, 10, QChar(u'0'));
    QString date = day.toString(Qt::ISODate);
    if (i % 97 == 96) {
        ++*bad;
        switch ((i / 97) % 4) {
        case 0:
            date = u"2026-02-30"_s;
            break;
        case 1:
            amount = u"五百元"_s;
            break;
        case 2:
            ref.clear();
            break;
        case 3:
            kind = u"手续费"_s;
            break;
        }
    }
    return {QString::number(i + 1), date, time, kind, amount, merchant, mcc, channel, counterparty, ref,
            u"6222****4102"_s};
}

QString csvLine(const QStringList &cells)
{
    QStringList quoted;
    for (const QString &c : cells)
        quoted.append(c.contains(u',') ? u'"' + c + u'"' : c);
    return quoted.join(u',') + u"\r\n"_s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int rows = 100000;
    QString keep;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == u"--rows"_s && i + 1 < args.size())
            rows = args.at(++i).toInt();
        else if (args.at(i) == u"--keep"_s && i + 1 < args.size())
            keep = args.at(++i);
        else {
            out() << "usage: bench_card_import [--rows 100000] [--keep DIR]\n";
            return 2;
        }
    }
    sync::RecordTypes::names(); // the modules register their types and rules
    QTemporaryDir tmp;
    const QString dir = keep.isEmpty() ? tmp.path() : keep;
    QDir().mkpath(dir);
    const QString path = dir + u"/对账单.csv"_s;

    // --- the statement (not counted) ---
    int bad = 0;
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) {
            out() << "cannot write " << path << "\n";
            return 1;
        }
        QByteArray text = "\xEF\xBB\xBF";
        text += csvLine({u"江苏南通农村商业银行 村务卡交易明细"_s}).toUtf8();
        text += csvLine({u"序号"_s, u"交易日期"_s, u"交易时间"_s, u"交易类型"_s, u"交易金额"_s, u"商户名称"_s,
                         u"商户类别码"_s, u"交易渠道"_s, u"对方户名"_s, u"交易流水号"_s, u"卡号"_s})
                    .toUtf8();
        for (int i = 0; i < rows; ++i)
            text += csvLine(line(i, &bad)).toUtf8();
        f.write(text);
    }
    out() << u"bench_card_import: %1-line statement of one card (CSV, %2 MB), %3 lines with a defect; 2,000 "
             u"approved requests to match; today %4\n\n"_s.arg(rows)
                 .arg(QFileInfo(path).size() / 1048576.0, 0, 'f', 1)
                 .arg(bad)
                 .arg(kToday.toString(Qt::ISODate));
    out().flush();

    card::CardStatementOptions options;
    options.cardId = kCardId;
    options.cardLast4 = u"4102"_s;
    options.placement.orgUnitId = kVillage;
    options.placement.orgPath = kVillagePath;
    options.placement.orgLevel = OrgLevel::Village;
    options.today = kToday;
    for (int r = 0; r < 2000; ++r)
        options.requests.append({u"req-%1"_s.arg(r), kCardId, kToday.addDays(-(r * 700 / 2000)), 150'000});

    // --- baseline: the plain read ---
    QElapsedTimer t;
    t.start();
    {
        const io::TableData plain = io::readTable(path);
        if (!plain.ok()) {
            out() << "read: " << plain.error << "\n";
            return 1;
        }
    }
    const double readS = t.nsecsElapsed() / 1e9;

    // --- the import: read, check, match ---
    t.restart();
    const io::TableData table = io::readTable(path);
    const double importReadS = t.nsecsElapsed() / 1e9;
    QElapsedTimer phase;
    phase.start();
    const card::CardStatementResult result = card::checkCardStatement(table, options);
    const double checkOnlyS = phase.nsecsElapsed() / 1e9;
    const double checkS = t.nsecsElapsed() / 1e9;
    if (!result.ok()) {
        out() << "check failed: " << result.error << "\n";
        return 1;
    }

    // --- save the good lines into a fresh cache, one transaction ---
    const QString type = QString::fromUtf16(card::CardTransactionType::kName);
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
        for (const card::CardStatementRow &r : result.rows) {
            app::LocalCache::Change c;
            c.type = type;
            c.recordId = r.recordId;
            c.orgUnitId = kVillage;
            c.changedFields = r.fields;
            changes.append(std::move(c));
        }
        const qint64 nowMs = QDateTime(kToday, QTime(10, 0), Qt::UTC).toMSecsSinceEpoch();
        const qsizetype saved = cache.saveAll(changes, nowMs, &error, {});
        saveS = t.nsecsElapsed() / 1e9;
        if (saved != result.rows.size()) {
            out() << "save failed: " << error << "\n";
            return 1;
        }
    }

    // --- the card's eight rules on the imported lines, as after the push ---
    MemoryRuleData data;
    rules::RuleRecord cardRecord;
    cardRecord.id = kCardId;
    cardRecord.type = QString::fromUtf16(card::VillageCardType::kName);
    cardRecord.orgUnitId = kVillage;
    cardRecord.orgPath = kVillagePath;
    cardRecord.fields = {{u"holderRole"_s, u"secretary"_s},
                         {u"last4"_s, u"4102"_s},
                         {u"monthLimit"_s, 3'000'000},
                         {u"repaymentDay"_s, 20},
                         {u"fundingAccount"_s, u"演示村股份经济合作社"_s},
                         {u"state"_s, u"active"_s}};
    data.byType[cardRecord.type].append(cardRecord);
    for (const card::ApprovedRequest &r : std::as_const(options.requests)) {
        rules::RuleRecord rec;
        rec.id = r.id;
        rec.orgUnitId = kVillage;
        rec.orgPath = kVillagePath;
        rec.fields = {
            {u"cardId"_s, kCardId}, {u"state"_s, u"approved"_s}, {u"estimate"_s, double(r.estimate)}};
        data.byType[QString::fromUtf16(card::SpendRequestType::kName)].append(rec);
    }
    QList<rules::RuleRecord> touched;
    for (const card::CardStatementRow &r : result.rows) {
        rules::RuleRecord rec;
        rec.id = r.recordId;
        rec.type = type;
        rec.orgUnitId = kVillage;
        rec.orgPath = kVillagePath;
        rec.fields = r.fields;
        data.byType[type].append(rec);
    }
    touched.append(data.byType[type].first());
    t.restart();
    QHash<QString, qint64> findings;
    QStringList ruleSeconds;
    for (const rules::Rule *rule : rules::RuleRegistry::all()) {
        if (!rule->code().startsWith(u"CARD_"_s))
            continue;
        rules::RuleRun run;
        run.today = kToday;
        run.calendar = &WorkingCalendar::current();
        run.parameters = rule->withDefaults({});
        QElapsedTimer one;
        one.start();
        rule->evaluateTouched(data, run, touched, [&](rules::Finding &&f) { ++findings[f.rule]; });
        ruleSeconds.append(u"%1 %2 s"_s.arg(rule->code()).arg(one.nsecsElapsed() / 1e9, 0, 'f', 2));
    }
    const double rulesS = t.nsecsElapsed() / 1e9;

    // --- baseline: the raw SQLite insert of the same rows ---
    double rawS = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(dir + u"/raw.sqlite"_s);
        QFile::remove(db.databaseName());
        if (!db.open()) {
            out() << "raw: " << db.lastError().text() << "\n";
            return 1;
        }
        QSqlQuery q(db);
        q.exec(u"PRAGMA journal_mode=WAL"_s);
        q.exec(u"PRAGMA synchronous=NORMAL"_s);
        q.exec(u"CREATE TABLE records (id TEXT PRIMARY KEY, type TEXT NOT NULL, org_unit_id TEXT NOT NULL, "
               u"data TEXT NOT NULL)"_s);
        t.restart();
        db.transaction();
        QSqlQuery insert(db);
        insert.prepare(u"INSERT INTO records (id, type, org_unit_id, data) VALUES (?, ?, ?, ?)"_s);
        for (const card::CardStatementRow &r : result.rows) {
            insert.bindValue(0, r.recordId);
            insert.bindValue(1, type);
            insert.bindValue(2, kVillage);
            insert.bindValue(3, QString::fromUtf8(QJsonDocument(r.fields).toJson(QJsonDocument::Compact)));
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

    const double totalS = checkS + saveS + rulesS;
    const qint64 valid = result.rows.size();
    qint64 raised = 0;
    QStringList perRule;
    for (auto it = findings.constBegin(); it != findings.constEnd(); ++it) {
        raised += it.value();
        perRule.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    }
    perRule.sort();
    printTable({
        {u"baseline: plain CSV read"_s, readS, rows, {}},
        {u"read + check + match, full row report"_s, checkS, rows,
         u"%1× the plain read"_s.arg(checkS / readS, 0, 'f', 2)},
        {u"  of which: read"_s, importReadS, rows, {}},
        {u"  of which: check and match (%1 bad, %2 matched)"_s.arg(result.badRows).arg(result.matched),
         checkOnlyS,
         rows,
         {}},
        {u"baseline: raw SQLite insert, one transaction"_s, rawS, valid, {}},
        {u"save %1 good lines to the cache, one transaction"_s.arg(valid), saveS, valid,
         u"%1× the raw insert"_s.arg(saveS / rawS, 0, 'f', 2)},
        {u"the eight card rules on the card (%1 findings)"_s.arg(raised), rulesS, valid, {}},
        {u"total: read + check + match + save + rules"_s, totalS, rows,
         u"target < 10 s: %1"_s.arg(totalS < 10 ? u"met"_s : u"MISSED"_s)},
    });
    out() << u"\nfindings: %1\nper rule: %2\npeak memory %3 MB\n"_s
                 .arg(perRule.join(u", "_s), ruleSeconds.join(u", "_s))
                 .arg(peakRssMb(), 0, 'f', 0);
    return totalS < 10 ? 0 : 3;
}
