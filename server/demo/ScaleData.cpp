#include "server/demo/ScaleData.h"

#include "common/core/Clock.h"
#include "common/core/IdCard.h"
#include "common/core/WorkingCalendar.h"
#include "common/funds/ComparisonList.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundRules.h"
#include "common/funds/FundTypes.h"
#include "common/relief/AssistanceTypes.h"
#include "common/relief/RegistryTypes.h"
#include "common/relief/ReliefRules.h"
#include "common/sync/RecordType.h"
#include "server/demo/DemoPeople.h"
#include "server/funds/SummaryUpdater.h"
#include "server/store/BulkInsert.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>
#include <QUuid>
#include <memory>
#include <stdexcept>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

constexpr int kChunk = 200'000; // records per transaction

const QVariant kNullText = QVariant(QMetaType::fromType<QString>());

struct Village
{
    QString id;
    QString path;
    QString county; // org unit id of the county
    QString town;
    QString townPath;
};

// Records, history, unique keys and voucher references in bulk, committed every kChunk records together with
// the summaries of what was written.
class Writer
{
public:
    Writer(Store &store, qint64 now, bool history)
        : m_store(store)
        , m_now(now)
        , m_withHistory(history)
    {
        m_tx = std::make_unique<Transaction>(store);
        SqlQuery head(store, u"SELECT seq FROM sync_head WHERE id = 1"_s);
        head.exec();
        head.next();
        m_seq = head.int64(0);
        m_records = std::make_unique<BulkInsert>(
            store, u"records"_s,
            QStringList{u"id"_s, u"type"_s, u"org_unit_id"_s, u"org_path"_s, u"department_id"_s, u"version"_s,
                        u"seq"_s, u"updated_at"_s, u"updated_by"_s, u"deleted"_s, u"late_synced"_s,
                        u"created_at"_s, u"created_by"_s, u"data"_s});
        m_history = std::make_unique<BulkInsert>(store, u"record_history"_s,
                                                 QStringList{u"record_id"_s, u"version"_s, u"changed"_s,
                                                             u"data"_s, u"deleted"_s, u"late_synced"_s,
                                                             u"updated_at"_s, u"updated_by"_s, u"op_id"_s});
        m_keys = std::make_unique<BulkInsert>(store, u"record_keys"_s, QStringList{u"key"_s, u"record_id"_s});
        m_refs = std::make_unique<BulkInsert>(store, u"attachment_refs"_s,
                                              QStringList{u"sha256"_s, u"record_id"_s});
        m_files = std::make_unique<BulkInsert>(store, u"attachments"_s,
                                               QStringList{u"sha256"_s, u"size"_s, u"mime_type"_s,
                                                           u"received"_s, u"complete"_s, u"uploaded_by"_s,
                                                           u"created_at"_s, u"completed_at"_s});
    }

    void add(const QString &type, const QString &id, const QString &orgUnitId, const QString &orgPath,
             const QString &departmentId, const QJsonObject &fields, const QString &by)
    {
        const QString data = QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact));
        const QVariant dept = departmentId.isEmpty() ? kNullText : QVariant(departmentId);
        m_records->add({id, type, orgUnitId, orgPath, dept, 1, ++m_seq, m_now, by, 0, 0, m_now, by, data});
        if (m_withHistory) {
            const QStringList keys = fields.keys();
            m_history->add(
                {id, 1,
                 QString::fromUtf8(
                     QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact)),
                 data, 0, 0, m_now, by, kNullText});
        }
        if (const sync::RecordType *t = sync::RecordTypes::find(type)) {
            const QList<QPair<QString, QString>> keys = t->uniqueKeys(fields);
            for (const auto &k : keys)
                m_keys->add({k.first, id});
        }
        if (SummaryUpdater::concerns(type)) {
            const QJsonArray vouchers = fields.value(u"vouchers"_s).toArray();
            for (const QJsonValue &v : vouchers)
                m_refs->add({v.toString(), id});
            m_summaries.add({type, orgPath, departmentId, fields, false, {}});
        }
        if (++m_count % kChunk == 0)
            commit(true);
    }

    // A voucher file (metadata only: the generator writes no file contents).
    void addVoucher(const QString &sha)
    {
        m_files->add({sha, 24576, u"application/pdf"_s, 24576, 1, u"generator"_s, m_now, m_now});
    }

    qint64 count() const { return m_count; }

    void commit(bool again)
    {
        m_records->flush();
        m_history->flush();
        m_keys->flush();
        m_files->flush();
        m_refs->flush();
        m_summaries.flush();
        SqlQuery(m_store, u"UPDATE sync_head SET seq = ? WHERE id = 1"_s).bind(m_seq).exec();
        m_tx->commit();
        m_tx.reset();
        if (again)
            m_tx = std::make_unique<Transaction>(m_store);
    }

private:
    Store &m_store;
    qint64 m_now;
    bool m_withHistory;
    qint64 m_seq = 0;
    qint64 m_count = 0;
    std::unique_ptr<Transaction> m_tx;
    std::unique_ptr<BulkInsert> m_records;
    std::unique_ptr<BulkInsert> m_history;
    std::unique_ptr<BulkInsert> m_keys;
    std::unique_ptr<BulkInsert> m_refs;
    std::unique_ptr<BulkInsert> m_files;
    SummaryUpdater m_summaries{m_store};
};

// One payment batch: a village's payroll of one fund line for one period, paid on one day.
struct Batch
{
    int village = 0;
    int line = 0; // index into the generator's lines
    QString period;
    QDate paidOn;
    qint64 weight = 0; // relative size
    qint64 size = 0;   // records, once scaled to the total asked for
    bool late = false;
    bool voucher = false;
};

// People a village pays: registered household members (relief) and farming households (subsidies).
struct Person
{
    QString name;
    QString idNumber;
    QString householdId; // registered households only
};

QRandomGenerator seeded(quint64 seed)
{
    const quint32 words[2] = {quint32(seed), quint32(seed >> 32)};
    return QRandomGenerator(words, 2);
}

class Generator
{
public:
    Generator(Store &store, const ScaleData::Options &o, const std::function<void(const QString &)> &progress)
        : m_store(store)
        , m_o(o)
        , m_progress(progress)
        , m_rng(seeded(o.seed))
        , m_today(o.today.isValid() ? o.today : chinaDateOf(SystemClock().nowMs()))
        , m_calendar(WorkingCalendar::current())
        , m_writer(store, QDateTime(m_today, QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch(), o.history)
    {}

    ScaleData::Result run();

private:
    int pick(int n) { return n <= 1 ? 0 : int(m_rng.bounded(n)); }
    // UUIDv7-shaped ids (RFC 9562): a 48-bit rising prefix, then random bits. Ids made in order sort in
    // order, so the bulk load appends to the indexes instead of writing all over them.
    QString newId()
    {
        const quint64 t = m_idBase + quint64(m_idCounter++);
        quint32 w[2];
        m_rng.fillRange(w);
        QUuid u(quint32(t >> 16), quint16(t), quint16(0x7000 | (w[0] & 0x0fff)),
                uchar(0x80 | ((w[0] >> 12) & 0x3f)), uchar(w[0] >> 18), uchar(w[0] >> 26), uchar(w[1]),
                uchar(w[1] >> 8), uchar(w[1] >> 16), uchar(w[1] >> 24), uchar(w[0] >> 4));
        return u.toString(QUuid::WithoutBraces);
    }
    QString personName() { return demo::personName(m_rng); }
    // A valid 身份证号, unique in the run: county code, birth date, sequence (odd for men), check character.
    QString idNumber(const QString &county, int age, bool male)
    {
        for (;;) {
            const QDate birth = m_today.addYears(-age).addDays(-pick(365));
            const QString prefix = county.left(6) + birth.toString(u"yyyyMMdd"_s);
            int &used = m_idsUsed[prefix];
            if (used >= 500) {
                ++age;
                continue;
            }
            const int seq = used++ * 2 + (male ? 1 : 0);
            const QString first17 = prefix + u"%1"_s.arg(seq, 3, 10, QChar(u'0'));
            return first17 + IdCard::checkCharacter(first17);
        }
    }
    void loadVillages();
    void chooseLines();
    void registry(int v, int households, int members, QList<Person> *registered);
    void assistance(int v, const QStringList &householdIds);
    void planBatches();
    void disbursements(int v, const QList<Person> &registered);
    // Now and then a person paid is on a comparison list of the county.
    void maybeListed(const Village &village, const Person &p);
    // The allocations per county, line and year, and the standards per county of the lines paid to people.
    void allocationsAndStandards();
    QSet<QString> m_listed;
    QString departmentOf(const Village &v, const funds::FundLine &line) const
    {
        return v.county + u'-' + line.leadDepartment;
    }

    Store &m_store;
    const ScaleData::Options &m_o;
    const std::function<void(const QString &)> &m_progress;
    QRandomGenerator m_rng;
    QDate m_today;
    const WorkingCalendar &m_calendar;
    Writer m_writer;
    ScaleData::Result m_result;
    QList<Village> m_villages;
    QHash<QString, int> m_idsUsed;
    quint64 m_idBase =
        quint64(QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    qint64 m_idCounter = 0;
    // Fund lines by role in the plan.
    QList<funds::FundLine> m_lines;
    QList<int> m_subsidyLines, m_monthlyLines, m_onceReliefLines, m_projectLines;
    QList<QList<Batch>> m_batches; // per village
    QHash<QString, funds::Deadlines> m_deadlines;
    // helpers per town: (id, households helped)
    QHash<QString, QPair<QString, int>> m_helper;
};

void Generator::loadVillages()
{
    SqlQuery q(m_store, u"SELECT v.id, v.path, t.parent_id, t.id, t.path FROM org_units v "
                        u"JOIN org_units t ON t.id = v.parent_id WHERE v.level = 4 ORDER BY v.path"_s);
    q.exec();
    while (q.next())
        m_villages.append({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    if (m_villages.isEmpty())
        throw std::runtime_error("the store has no villages: load the demo org tree first (--demo)");
}

void Generator::chooseLines()
{
    m_lines = funds::allFundLines();
    for (int i = 0; i < m_lines.size(); ++i) {
        const funds::FundLine &l = m_lines.at(i);
        const bool toPeople =
            l.recipient == funds::Recipient::Person || l.recipient == funds::Recipient::Household;
        if (l.kind == funds::FundKind::Agricultural && toPeople && l.cycle == funds::PaymentCycle::Once)
            m_subsidyLines.append(i);
        else if (funds::isReliefFund(l.kind) && toPeople && l.cycle == funds::PaymentCycle::Monthly)
            m_monthlyLines.append(i);
        else if (funds::isReliefFund(l.kind) && toPeople && l.cycle == funds::PaymentCycle::Once)
            m_onceReliefLines.append(i);
        else if (l.cycle == funds::PaymentCycle::PerProject)
            m_projectLines.append(i);
    }
    if (m_subsidyLines.isEmpty() || m_monthlyLines.isEmpty() || m_onceReliefLines.isEmpty() ||
        m_projectLines.isEmpty())
        throw std::runtime_error("the fund catalog lacks the lines the generator pays from");
}

void Generator::planBatches()
{
    // Five years: four full ones and this year up to today.
    const int firstYear = m_today.year() - 4;
    m_batches.resize(m_villages.size());
    qint64 totalWeight = 0;
    for (int v = 0; v < m_villages.size(); ++v) {
        QList<Batch> &out = m_batches[v];
        // Each village pays from a few lines of each role (its own mix, kept over the years).
        // Each line once (a line paid twice in one period would pay its people twice).
        QList<int> subsidies, monthly, once;
        const auto pickLines = [](QList<int> &into, const QList<int> &from, int count, int start, int step) {
            for (int k = 0; k < count; ++k) {
                const int line = from.at((start + k * step) % from.size());
                if (!into.contains(line))
                    into.append(line);
            }
        };
        pickLines(subsidies, m_subsidyLines, 3, v * 7, 5);
        pickLines(monthly, m_monthlyLines, 2, v * 3, 1);
        pickLines(once, m_onceReliefLines, 2, v * 5, 3);
        const int project = m_projectLines.at(v % m_projectLines.size());
        auto add = [&](int line, int year, int month, int weight) {
            const int last = QDate(year, month, 1).daysInMonth();
            const funds::FundLine &l = m_lines.at(line);
            const int day = l.cycle == funds::PaymentCycle::Monthly ? 5 + pick(11) : 1 + pick(last);
            QDate paid(year, month, qMin(day, last));
            if (paid > m_today)
                return;
            Batch b;
            b.village = v;
            b.line = line;
            b.period = u"%1-%2"_s.arg(year).arg(month, 2, 10, QChar(u'0'));
            b.paidOn = paid;
            b.weight = weight;
            b.late = pick(40) == 0;
            b.voucher = paid.daysTo(m_today) > 30;
            out.append(b);
            totalWeight += weight;
        };
        for (int year = firstYear; year <= m_today.year(); ++year) {
            for (int k = 0; k < subsidies.size(); ++k)
                add(subsidies.at(k), year, 3 + (v + k * 4) % 8, 300);
            for (int month = 1; month <= 12; ++month) {
                for (const int line : std::as_const(monthly))
                    add(line, year, month, 12);
            }
            for (int k = 0; k < once.size(); ++k)
                add(once.at(k), year, 1 + (v * 3 + k * 6) % 12, 6);
            add(project, year, 4 + v % 7, 1);
        }
    }
    // Scale the weights to exactly the number of records asked for (cumulative rounding).
    qint64 cumulative = 0, assigned = 0;
    for (QList<Batch> &list : m_batches) {
        for (Batch &b : list) {
            cumulative += b.weight;
            const qint64 upTo =
                qint64(static_cast<long double>(cumulative) * m_o.disbursements / totalWeight);
            b.size = upTo - assigned;
            assigned = upTo;
        }
    }
}

void Generator::registry(int v, int households, int members, QList<Person> *registered)
{
    const Village &village = m_villages.at(v);
    static const QStringList causes{u"illness"_s,   u"illness"_s,   u"disability"_s, u"schooling"_s,
                                    u"no-labour"_s, u"no-labour"_s, u"no-skills"_s,  u"no-funds"_s,
                                    u"disaster"_s,  u"other"_s};
    static const QStringList relations{u"spouse"_s, u"child"_s, u"parent"_s, u"grandchild"_s};
    // Sizes 1..5 that add up to exactly `members`.
    QList<int> sizes(households, households > 0 ? members / households : 0);
    for (int i = 0; i < households && i < members % qMax(1, households); ++i)
        ++sizes[i];
    for (int i = 0; i + 1 < households; i += 2) {
        const int d = pick(3);
        if (sizes[i] + d <= 5 && sizes[i + 1] - d >= 1) {
            sizes[i] += d;
            sizes[i + 1] -= d;
        }
    }
    QStringList paired;
    for (int h = 0; h < households; ++h) {
        const QString id = newId();
        const QString head = personName();
        const bool exited = pick(20) == 0;
        QJsonObject f{
            {u"householdNo"_s, QString(village.id.right(6) + u"%1"_s.arg(h + 1, 3, 10, QChar(u'0')))},
            {u"headName"_s, head},
            {u"address"_s, u"%1组%2号"_s.arg(1 + pick(12)).arg(1 + pick(80))},
            {u"povertyCause"_s, causes.at(pick(int(causes.size())))},
            {u"registeredYear"_s, 2016 + pick(m_today.year() - 2016)},
            {u"status"_s, exited ? u"exited"_s : u"registered"_s},
            {u"medicalInsured"_s, pick(50) != 0},
            {u"housing"_s, pick(30) == 0 ? u"unsafe"_s : u"safe"_s},
            {u"drinkingWaterSafe"_s, pick(60) != 0}};
        if (exited)
            f.insert(u"exitYear"_s, m_today.year() - pick(4));
        m_writer.add(u"household"_s, id, village.id, village.path, {}, f, u"generator"_s);
        ++m_result.households;
        for (int m = 0; m < sizes.at(h); ++m) {
            const QString relation = m == 0 ? u"head"_s : relations.at((m - 1) % relations.size());
            const int age = relation == u"child"_s        ? 3 + pick(25)
                            : relation == u"grandchild"_s ? 1 + pick(12)
                            : relation == u"parent"_s     ? 70 + pick(18)
                                                          : 30 + pick(45);
            const bool male = relation == u"spouse"_s ? false : pick(2) == 0;
            const QString name = m == 0 ? head : personName();
            const QString number = idNumber(village.county, age, male);
            QJsonObject mf{{u"householdId"_s, id},
                           {u"name"_s, name},
                           {u"idNumber"_s, number},
                           {u"relation"_s, relation},
                           {u"health"_s, pick(4) == 0 ? u"chronic"_s : u"healthy"_s},
                           {u"labour"_s, age < 16 || age > 70 ? u"none"_s : u"full"_s}};
            m_writer.add(u"member"_s, newId(), village.id, village.path, {}, mf, u"generator"_s);
            ++m_result.members;
            if (!exited && m == 0)
                registered->append({name, number, id});
        }
        if (!exited && pick(33) != 0)
            paired.append(id);
    }
    assistance(v, paired);
}

void Generator::assistance(int v, const QStringList &householdIds)
{
    const Village &village = m_villages.at(v);
    static const QStringList kinds{u"cadre"_s, u"cadre"_s, u"village-cadre"_s, u"entrepreneur"_s, u"other"_s};
    for (const QString &hh : householdIds) {
        QPair<QString, int> &helper = m_helper[village.town];
        if (helper.first.isEmpty() || helper.second >= 5) {
            helper = {newId(), 0};
            m_writer.add(u"helper"_s, helper.first, village.town, village.townPath, {},
                         {{u"name"_s, personName()},
                          {u"kind"_s, kinds.at(pick(int(kinds.size())))},
                          {u"unit"_s, u"镇人民政府"_s},
                          {u"mobile"_s, u"139%1"_s.arg(pick(100000000), 8, 10, QChar(u'0'))}},
                         u"generator"_s);
            ++m_result.helpers;
        }
        ++helper.second;
        const QString pairingId = relief::PairingType::recordIdFor(helper.first, hh);
        m_writer.add(u"pairing"_s, pairingId, village.id, village.path, {},
                     {{u"helperId"_s, helper.first},
                      {u"householdId"_s, hh},
                      {u"startDate"_s, QDate(m_today.year() - 1, 1, 10 + pick(15)).toString(Qt::ISODate)}},
                     u"generator"_s);
        ++m_result.pairings;
        relief::Quarter q = relief::Quarter::of(m_today);
        for (int i = 0; i < m_o.visitQuarters; ++i, q = q.previous()) {
            const relief::VisitWindow w = relief::visitWindow(q);
            const QDate date = w.opens.addDays(pick(int(w.opens.daysTo(w.closes)) + 1));
            if (date > m_today || pick(12) == 0)
                continue;
            m_writer.add(u"visit"_s, relief::VisitType::recordIdFor(pairingId, q.toString()), village.id,
                         village.path, {},
                         {{u"pairingId"_s, pairingId},
                          {u"quarter"_s, q.toString()},
                          {u"visitDate"_s, date.toString(Qt::ISODate)},
                          {u"notes"_s, u"了解家庭近况，宣传帮扶政策，核对一折通发放"_s},
                          {u"incomeWagesFen"_s, 100000 + pick(300000)},
                          {u"incomeTransferFen"_s, 50000 + pick(100000)}},
                         u"generator"_s);
            ++m_result.visits;
        }
    }
}

void Generator::disbursements(int v, const QList<Person> &registered)
{
    const Village &village = m_villages.at(v);
    // The village's farming households (subsidies go to every one of them): made as many as its largest
    // subsidy batch needs.
    qint64 farmers = 0;
    for (const Batch &b : std::as_const(m_batches.at(v))) {
        if (m_subsidyLines.contains(b.line))
            farmers = qMax(farmers, b.size);
    }
    QList<Person> farming;
    farming.reserve(farmers);
    for (qint64 i = 0; i < farmers; ++i)
        farming.append({personName(), idNumber(village.county, 25 + pick(50), pick(3) != 0), QString()});
    for (const Person &p : std::as_const(farming))
        maybeListed(village, p);
    for (const Person &p : registered)
        maybeListed(village, p);

    int batchNo = 0;
    for (const Batch &b : std::as_const(m_batches.at(v))) {
        ++batchNo;
        if (b.size <= 0)
            continue;
        const funds::FundLine &line = m_lines.at(b.line);
        const QString dept = departmentOf(village, line);
        const QString paid = b.paidOn.toString(Qt::ISODate);
        const QString key = line.code + u'|' + b.period + u'|' + paid;
        auto dl = m_deadlines.constFind(key);
        if (dl == m_deadlines.constEnd())
            dl = m_deadlines.insert(
                key, funds::disbursementDeadlines(line.kind, line.cycle,
                                                  funds::DisbursementType::periodStart(b.period), b.paidOn,
                                                  m_calendar));
        const std::optional<QDate> entryDue = dl->enterBy;
        // Entered a few days after payment, within the year (rule 6) and not after today; a late batch after
        // its entry deadline.
        QDate entered = b.paidOn.addDays(1 + pick(4));
        if (b.late && entryDue)
            entered = entryDue->addDays(1 + pick(3));
        entered = qMin(entered, QDate(b.paidOn.year(), 12, 31));
        entered = qMin(entered, m_today);
        QString voucher;
        if (b.voucher) {
            voucher = QString::fromLatin1(
                QCryptographicHash::hash(u"voucher/%1/%2/%3"_s.arg(village.id, key).arg(batchNo).toUtf8(),
                                         QCryptographicHash::Sha256)
                    .toHex());
            m_writer.addVoucher(voucher);
        }
        const bool relief = funds::isReliefFund(line.kind);
        const bool project =
            line.recipient != funds::Recipient::Person && line.recipient != funds::Recipient::Household;
        qint64 base = relief ? 40000 + pick(50000) : 5000 + pick(55000);
        if (project)
            base = 500000 + qint64(pick(4000)) * 10000;
        for (qint64 i = 0; i < b.size; ++i) {
            QJsonObject f{{u"fundCode"_s, line.code},
                          {u"recipientKind"_s, funds::recipientName(line.recipient)},
                          {u"amountFen"_s, base + (project ? 0 : qint64(pick(20)) * 100)},
                          {u"period"_s, b.period},
                          {u"paidOn"_s, paid},
                          {u"enteredOn"_s, entered.toString(Qt::ISODate)}};
            if (project) {
                f.insert(u"recipientName"_s, u"%1项目%2"_s.arg(line.name.left(10)).arg(i + 1));
            } else {
                // Each person once per batch: relief goes to the registered first, then to other villagers
                // (temporary assistance reaches them too). About one payment in 5,000 goes to someone the
                // batch already paid: the duplicates BENEFICIARY_DUPLICATE is there to find.
                const qint64 registeredCount = relief ? registered.size() : 0;
                qint64 k = i;
                if (i > 0 && pick(5000) == 0)
                    k = 0;
                Person p;
                if (k < registeredCount)
                    p = registered.at(int(k));
                else if (!farming.isEmpty())
                    p = farming.at(int((k - registeredCount) % farming.size()));
                else
                    p.name = personName();
                f.insert(u"recipientName"_s, p.name);
                if (!p.idNumber.isEmpty())
                    f.insert(u"idNumber"_s, p.idNumber);
                if (!p.householdId.isEmpty())
                    f.insert(u"householdId"_s, p.householdId);
                f.insert(u"account"_s,
                         u"6228%1"_s.arg(qint64(m_rng.bounded(1000000000000LL)), 12, 10, QChar(u'0')));
            }
            if (dl->payBy)
                f.insert(u"payDueOn"_s, dl->payBy->toString(Qt::ISODate));
            if (entryDue)
                f.insert(u"entryDueOn"_s, entryDue->toString(Qt::ISODate));
            if (!voucher.isEmpty())
                f.insert(u"vouchers"_s, QJsonArray{voucher});
            m_writer.add(u"disbursement"_s, newId(), village.id, village.path, dept, f, u"generator"_s);
            ++m_result.disbursements;
        }
    }
}

void Generator::maybeListed(const Village &village, const Person &p)
{
    if (p.idNumber.isEmpty() || pick(500) != 0)
        return;
    static const QStringList lists{u"deceased"_s, u"payroll"_s, u"vehicle"_s, u"housing"_s, u"company"_s};
    const QString list = lists.at(pick(int(lists.size())));
    const QString id = funds::ComparisonEntryType::recordIdFor(list, p.idNumber, village.county);
    if (m_listed.contains(id))
        return;
    m_listed.insert(id);
    const QString countyPath = village.path.section(u'/', 0, 2) + u'/';
    m_writer.add(u"comparison-entry"_s, id, village.county, countyPath, {},
                 {{u"list"_s, list},
                  {u"idNumber"_s, p.idNumber},
                  {u"name"_s, p.name},
                  {u"since"_s, m_today.addDays(-pick(1800)).toString(Qt::ISODate)},
                  {u"source"_s, u"生成数据"_s}},
                 u"generator"_s);
    ++m_result.listEntries;
}

void Generator::allocationsAndStandards()
{
    QMap<QString, QString> counties; // id -> path
    for (const Village &v : std::as_const(m_villages))
        counties.insert(v.county, v.path.section(u'/', 0, 2) + u'/');
    const int firstYear = m_today.year() - 4;
    for (auto c = counties.constBegin(); c != counties.constEnd(); ++c) {
        Village county;
        county.county = c.key();
        for (int i = 0; i < m_lines.size(); ++i) {
            const funds::FundLine &line = m_lines.at(i);
            const QString dept = departmentOf(county, line);
            for (int year = firstYear; year <= m_today.year(); ++year) {
                const QDate received(year, 1, 10 + pick(20));
                if (received > m_today)
                    continue;
                m_writer.add(u"fund-allocation"_s, newId(), c.key(), c.value(), dept,
                             {{u"fundCode"_s, line.code},
                              {u"sourceLevel"_s, u"county"_s},
                              {u"year"_s, year},
                              {u"amountFen"_s, qint64(1000000) * (1 + pick(200))},
                              {u"documentNo"_s, u"生成〔%1〕%2号"_s.arg(year).arg(i + 1)},
                              {u"receivedOn"_s, received.toString(Qt::ISODate)},
                              {u"account"_s, u"agriculture"_s},
                              {u"enteredOn"_s, received.addDays(2).toString(Qt::ISODate)}},
                             u"generator"_s);
                ++m_result.allocations;
            }
            const bool toPeople =
                line.recipient == funds::Recipient::Person || line.recipient == funds::Recipient::Household;
            if (!toPeople)
                continue;
            // A little above most of the line's payments (see disbursements()), so a few are above it.
            const qint64 standard = funds::isReliefFund(line.kind) ? 89000 : 59500;
            m_writer.add(u"fund-standard"_s, newId(), c.key(), c.value(), dept,
                         {{u"fundCode"_s, line.code},
                          {u"amountFen"_s, standard},
                          {u"effectiveFrom"_s, QDate(firstYear, 1, 1).toString(Qt::ISODate)},
                          {u"documentNo"_s, u"生成标准〔%1〕%2号"_s.arg(firstYear).arg(i + 1)}},
                         u"generator"_s);
            ++m_result.standards;
        }
    }
}

ScaleData::Result Generator::run()
{
    QElapsedTimer timer;
    timer.start();
    loadVillages();
    chooseLines();
    planBatches();
    const int n = int(m_villages.size());
    qint64 householdsDone = 0, membersDone = 0;
    for (int v = 0; v < n; ++v) {
        // Cumulative rounding again: exactly the households and members asked for.
        const qint64 households = qint64(m_o.households) * (v + 1) / n - householdsDone;
        householdsDone += households;
        // Members follow the households (a village without households has none).
        const qint64 members =
            m_o.households > 0 ? qint64(m_o.members) * householdsDone / m_o.households - membersDone : 0;
        membersDone += members;
        QList<Person> registered;
        registry(v, int(households), int(qMax(members, households)), &registered);
        disbursements(v, registered);
        if (m_progress && (v + 1) % 100 == 0)
            m_progress(u"%1/%2 villages, %3 records, %4 s"_s.arg(v + 1)
                           .arg(n)
                           .arg(m_writer.count())
                           .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    }
    allocationsAndStandards();
    m_writer.commit(false);
    m_result.records = m_writer.count();
    m_result.seconds = timer.nsecsElapsed() / 1e9;
    return m_result;
}

} // namespace

ScaleData::Result ScaleData::generate(Store &store, const Options &options,
                                      const std::function<void(const QString &)> &progress)
{
    Generator g(store, options, progress);
    return g.run();
}

} // namespace sunshine
