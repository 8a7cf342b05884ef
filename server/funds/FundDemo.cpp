#include "server/funds/FundDemo.h"

#include "common/core/EntryClose.h"
#include "common/core/IdCard.h"
#include "common/core/WorkingCalendar.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundFlowTypes.h"
#include "common/funds/FundRules.h"
#include "common/funds/FundTypes.h"
#include "server/attachments/AttachmentStore.h"
#include "server/audit/AuditLog.h"
#include "server/demo/DemoPeople.h"
#include "server/demo/DemoRecordWriter.h"
#include "server/demo/OrgCatalog.h"
#include "server/funds/SummaryUpdater.h"
#include "server/store/BulkInsert.h"
#include "server/store/Store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>
#include <QUuid>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

using funds::FundKind;
using funds::FundLine;
using funds::PaymentCycle;
using funds::Recipient;

namespace {

struct Person
{
    QString name;
    QString idNumber;
    QString householdId; // empty: not in the registry
    QString villageId;
    QString villagePath;
};

struct Village
{
    QString id;
    QString path;
    QString name;
};

struct County
{
    QString id; // 12 digits
    QString path;
    QString name;
    QList<Village> villages;
    QList<Person> persons; // registered members first
    QList<Person> heads;   // household heads
};

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

// The demo documents: small text files, one per kind of material.
struct Document
{
    QString sha;
    QByteArray bytes;
};

// A record as entered on `enteredOn` (its updated and created time that day, never after now).
class Writer
{
public:
    Writer(Store &store, qint64 now)
        : m_now(now)
        , m_out(store)
    {}

    void add(const sync::RecordType &type, const QString &id, const QString &orgUnitId,
             const QString &orgPath, const QString &departmentId, const QJsonObject &fields,
             const QString &by, QDate enteredOn)
    {
        const qint64 at =
            qMin(m_now, QDateTime(enteredOn, QTime(2, 0), QTimeZone::utc()).toMSecsSinceEpoch() +
                            qint64(m_out.sequence() % 360) * 60000);
        m_out.add(type.name(), id, orgUnitId, orgPath, departmentId, fields, by, at);
    }

    int finish() { return m_out.finish(); }

private:
    qint64 m_now;
    DemoRecordWriter m_out;
};

class Generator
{
public:
    Generator(Store &store, const Clock &clock, AttachmentStore &files)
        : m_store(store)
        , m_files(files)
        , m_writer(store, clock.nowMs())
        , m_now(clock.nowMs())
        , m_today(chinaDateOf(clock.nowMs()))
        , m_calendar(WorkingCalendar::current())
    {}

    FundDemo::Counts run();

private:
    int pick(int n) { return n <= 1 ? 0 : int(m_rng.bounded(n)); }
    qint64 between(qint64 low, qint64 high) { return low + qint64(m_rng.bounded(quint64(high - low + 1))); }
    QString newId();
    QString personName();
    QDate dayIn(QDate first, QDate last) { return first.addDays(pick(int(first.daysTo(last)) + 1)); }
    // A context as the server builds it for an entry made on `day`.
    sync::RuleContext contextOn(QDate day) const;
    void write(const sync::RecordType &type, const QString &id, const QString &orgUnitId,
               const QString &orgPath, const QString &departmentId, QJsonObject fields, QDate enteredOn,
               bool city = false);

    void loadPlaces();
    void loadDocuments();
    QJsonArray document(int kind) const { return QJsonArray{m_documents.at(kind % m_documents.size()).sha}; }

    void allocations(const FundLine &line, int lineIndex, const County *county);
    void disbursements(const FundLine &line, int lineIndex, const County &county);
    void payment(const FundLine &line, const County &county, const QString &period, QDate paidOn,
                 const QJsonObject &recipient, const QString &orgUnitId, const QString &orgPath,
                 qint64 amountFen);
    void plan(const FundLine &line, const County &county, const QString &allocationId,
              const QJsonObject &allocation);
    void fundReturn(const FundLine &line, const County &county, int year);
    void evaluation(const FundLine &line, const County &county);
    // The day a task finished on `done` was entered: mostly within `due`, now and then late; never after
    // today.
    QDate entryDay(QDate done, QDate due, bool late);

    Store &m_store;
    AttachmentStore &m_files;
    Writer m_writer;
    qint64 m_now;
    QDate m_today;
    const WorkingCalendar &m_calendar;
    QRandomGenerator m_rng{20191210 + 22};
    QList<County> m_counties;
    QString m_cityId;
    QString m_cityPath;
    QList<Document> m_documents;
    QHash<QString, sync::Record> m_members; // "person:<身份证号>" -> the member (for the household link)
    QHash<QString, sync::Record> m_allocations;
    FundDemo::Counts m_counts;
    bool m_reportShowcased = false; // the city's relief money waiting for its report, due soon and overdue
    const funds::AllocationType m_allocationType;
    const funds::DisbursementType m_disbursementType;
    const funds::PlanType m_planType;
    const funds::ReturnType m_returnType;
    const funds::EvaluationType m_evaluationType;
};

QString Generator::newId()
{
    return demo::randomRecordId(m_rng);
}

QString Generator::personName()
{
    return demo::personName(m_rng);
}

sync::RuleContext Generator::contextOn(QDate day) const
{
    sync::RuleContext c;
    c.nowMs = QDateTime(day, QTime(2, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    c.today = day;
    c.entryDay = day;
    c.calendar = &m_calendar;
    c.lookup = [this](const QString &id) -> std::optional<sync::Record> {
        const auto it = m_allocations.constFind(id);
        return it == m_allocations.constEnd() ? std::nullopt : std::optional<sync::Record>(*it);
    };
    c.lookupKey = [this](const QString &key) -> std::optional<sync::Record> {
        const auto it = m_members.constFind(key);
        return it == m_members.constEnd() ? std::nullopt : std::optional<sync::Record>(*it);
    };
    return c;
}

void Generator::write(const sync::RecordType &type, const QString &id, const QString &orgUnitId,
                      const QString &orgPath, const QString &departmentId, QJsonObject fields,
                      QDate enteredOn, bool city)
{
    type.derive(fields, contextOn(enteredOn));
    m_writer.add(type, id, orgUnitId, orgPath, departmentId, fields,
                 city ? u"demo-city-clerk"_s : u"demo-county-clerk"_s, enteredOn);
    if (type.name() == m_allocationType.name()) {
        sync::Record r;
        r.id = id;
        r.type = type.name();
        r.orgUnitId = orgUnitId;
        r.departmentId = departmentId;
        r.fields = fields;
        m_allocations.insert(id, r);
    }
}

QDate Generator::entryDay(QDate done, QDate due, bool late)
{
    QDate day = late && due.isValid() ? due.addDays(1 + pick(10)) : m_calendar.addWorkingDays(done, pick(3));
    if (due.isValid() && !late && day > due)
        day = due;
    if (day < done)
        day = done;
    if (day.year() != done.year())
        day = QDate(done.year(), 12, 31);
    return qMin(day, m_today);
}

void Generator::loadPlaces()
{
    m_cityId = catalog::fullCode(QString::fromLatin1(catalog::kCityCode));
    m_cityPath = u'/' + m_cityId + u'/';
    QHash<QString, int> index;
    const auto counties = catalog::counties();
    for (const auto &c : counties) {
        County county;
        county.id = catalog::fullCode(QString::fromLatin1(c.code));
        county.path = m_cityPath + county.id + u'/';
        county.name = QString::fromUtf16(c.name);
        index.insert(county.id.left(6), int(m_counties.size()));
        m_counties.append(county);
    }
    {
        SqlQuery q(m_store, u"SELECT id, path, name FROM org_units WHERE level = 4 ORDER BY id"_s);
        q.exec();
        while (q.next()) {
            const auto it = index.constFind(q.text(0).left(6));
            if (it != index.constEnd())
                m_counties[*it].villages.append({q.text(0), q.text(1), q.text(2)});
        }
    }
    // The registered members of the relief demo: paid persons and households link to them.
    {
        SqlQuery q(m_store, u"SELECT org_unit_id, org_path, data FROM records WHERE type = 'member' AND "
                            u"deleted = 0 ORDER BY seq"_s);
        q.exec();
        while (q.next()) {
            const auto it = index.constFind(q.text(0).left(6));
            if (it == index.constEnd())
                continue;
            const QJsonObject f = QJsonDocument::fromJson(q.text(2).toUtf8()).object();
            const Person p{f.value(u"name"_s).toString(), f.value(u"idNumber"_s).toString(),
                           f.value(u"householdId"_s).toString(), q.text(0), q.text(1)};
            if (p.idNumber.isEmpty())
                continue;
            County &county = m_counties[*it];
            county.persons.append(p);
            if (f.value(u"relation"_s).toString() == u"head"_s)
                county.heads.append(p);
            sync::Record member;
            member.type = u"member"_s;
            member.orgUnitId = q.text(0);
            member.fields = QJsonObject{{u"householdId"_s, p.householdId}};
            m_members.insert(u"person:"_s + p.idNumber, member);
        }
    }
    // Persons outside the registry too (and all of them where the relief demo is not loaded): farmers,
    // fishermen and students with valid 身份证号, living in the county's villages.
    for (County &county : m_counties) {
        if (county.villages.isEmpty())
            continue;
        QSet<QString> taken;
        for (const Person &p : std::as_const(county.persons))
            taken.insert(p.idNumber);
        const int extra = county.persons.isEmpty() ? 60 : 20;
        for (int i = 0; i < extra; ++i) {
            const Village &v = county.villages.at(pick(int(county.villages.size())));
            const QDate birth = QDate(1950, 1, 1).addDays(pick(365 * 55));
            QString id;
            do {
                const QString first17 = county.id.left(6) + birth.toString(u"yyyyMMdd"_s) +
                                        u"%1"_s.arg(500 + pick(499), 3, 10, QChar(u'0'));
                id = first17 + IdCard::checkCharacter(first17);
            } while (taken.contains(id) || m_members.contains(u"person:"_s + id));
            taken.insert(id);
            const Person p{personName(), id, {}, v.id, v.path};
            county.persons.append(p);
            if (county.heads.size() < 10 || i % 3 == 0)
                county.heads.append(p);
        }
    }
}

void Generator::loadDocuments()
{
    static const QStringList kinds{u"资金拨付凭证"_s,       u"资金指标文件"_s, u"分配方案及会议纪要"_s,
                                   u"收益确认及分配清单"_s, u"绩效评价报告"_s, u"发放花名册"_s};
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        const QByteArray bytes =
            u"南通市“阳光扶贫+”监管系统演示材料\n%1（演示，第 %2 号）\n本文件仅用于演示，"
            u"不含真实数据。\n"_s.arg(kinds.at(i))
                .arg(i + 1)
                .toUtf8();
        const QString sha =
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        m_documents.append({sha, bytes});
        if (!m_files.exists(sha)) {
            QString error;
            if (!m_files.writePartial(sha, 0, bytes, &error) || !m_files.complete(sha, &error))
                throw StoreError(u"演示材料写入失败：%1"_s.arg(error));
        }
        SqlQuery exists(m_store, u"SELECT 1 FROM attachments WHERE sha256 = ?"_s);
        exists.bindText(sha).exec();
        if (!exists.next())
            SqlQuery(m_store,
                     u"INSERT INTO attachments (sha256, size, mime_type, received, complete, uploaded_by, "
                     u"created_at, completed_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)"_s)
                .bindText(sha)
                .bind(qint64(bytes.size()))
                .bindText(u"text/plain; charset=utf-8"_s)
                .bind(qint64(bytes.size()))
                .bindText(u"demo-county-clerk"_s)
                .bind(m_now)
                .bind(m_now)
                .exec();
    }
}

// --- allocations and their plans ---

void Generator::allocations(const FundLine &line, int lineIndex, const County *county)
{
    static const QStringList levels{u"central"_s, u"provincial"_s, u"city"_s, u"county"_s};
    const bool city = county == nullptr;
    const QString orgUnitId = city ? m_cityId : county->id;
    const QString orgPath = city ? m_cityPath : county->path;
    const QString dept = orgUnitId + u'-' + line.leadDepartment;
    const int countyIndex = city ? 0 : int(county - m_counties.constData()) + 1;
    for (int year = m_today.year() - 1; year <= m_today.year(); ++year) {
        // The city receives central and provincial money; the counties money of every level.
        const QString level = levels.at((lineIndex + countyIndex + year) % (city ? 2 : 4));
        const auto source = *funds::sourceLevelFromName(level);
        const QDate first(year, 1, 5);
        const QDate last = qMin(QDate(year, 10, 31), m_today);
        if (last < first)
            continue;
        const QDate received = dayIn(first, last);
        const std::optional<QDate> due = funds::reportDue(received, line.kind, source, m_calendar);
        // Reported on time mostly; one in eight late, one in eight not (overdue or due soon).
        QDate reported, entered;
        const int state = pick(8);
        if (due) {
            if (state == 0)
                reported = due->addDays(2 + pick(12));
            else if (state != 1)
                reported = m_calendar.addWorkingDays(received, 1 + pick(4));
            if (reported > m_today)
                reported = QDate();
        }
        // Entered on receipt or soon after, and at the latest when reported.
        entered = qMin(m_today, m_calendar.addWorkingDays(received, pick(4)));
        if (reported.isValid() && reported > entered)
            entered = reported;
        if (entered.year() != received.year())
            entered = QDate(received.year(), 12, 31);
        const qint64 amount = (city ? 20 : 1) * between(500000, 30000000) * 10;
        static const QStringList prefixes{u"财农"_s, u"财社"_s, u"苏财农"_s, u"通财农"_s};
        QJsonObject f{
            {u"fundCode"_s, line.code},
            {u"sourceLevel"_s, level},
            {u"year"_s, year},
            {u"amountFen"_s, amount},
            {u"documentNo"_s,
             u"%1〔%2〕%3号"_s.arg(prefixes.at(pick(int(prefixes.size())))).arg(year).arg(1 + pick(180))},
            {u"receivedOn"_s, iso(received)},
            {u"account"_s, funds::isReliefFund(line.kind) ? u"social-security"_s : u"agriculture"_s}};
        if (reported.isValid())
            f.insert(u"reportedOn"_s, iso(reported));
        if (pick(10))
            f.insert(u"documents"_s, document(1));
        const QString id = newId();
        write(m_allocationType, id, orgUnitId, orgPath, dept, f, entered, city);
        ++m_counts.allocations;
        if (!city)
            plan(line, *county, id, f);
    }
    // The city's first relief line also has money that arrived lately and is not reported to the city yet
    // (Art. 6 (一)): one report due soon, one overdue, so that every state is there to see.
    if (city && funds::isReliefFund(line.kind) && !m_reportShowcased) {
        m_reportShowcased = true;
        for (const int workingDaysAgo : {4, 12}) {
            QDate received = m_today;
            for (int n = 0; n < workingDaysAgo;) {
                received = received.addDays(-1);
                n += m_calendar.isWorkingDay(received) ? 1 : 0;
            }
            if (received.year() != m_today.year())
                continue;
            const QJsonObject f{
                {u"fundCode"_s, line.code},
                {u"sourceLevel"_s, u"central"_s},
                {u"year"_s, m_today.year()},
                {u"amountFen"_s, qint64(between(500000, 30000000)) * 200},
                {u"documentNo"_s, u"财社〔%1〕%2号"_s.arg(m_today.year()).arg(200 + workingDaysAgo)},
                {u"receivedOn"_s, iso(received)},
                {u"account"_s, u"social-security"_s}};
            write(m_allocationType, newId(), orgUnitId, orgPath, dept, f, received, city);
            ++m_counts.allocations;
        }
    }
}

void Generator::plan(const FundLine &line, const County &county, const QString &allocationId,
                     const QJsonObject &allocation)
{
    const QDate received = QDate::fromString(allocation.value(u"receivedOn"_s).toString(), Qt::ISODate);
    const QDate approved = received.addDays(3 + pick(25));
    if (approved > m_today || pick(5) == 0)
        return;
    const qint64 amount = qint64(allocation.value(u"amountFen"_s).toDouble()) * (60 + pick(41)) / 100;
    QString meeting;
    switch (line.kind) {
    case FundKind::ReliefFiscal:
        meeting = pick(2) ? u"leading-group"_s : u"joint-review"_s;
        break;
    case FundKind::ReliefDonation:
    case FundKind::ReliefOther:
        meeting = u"joint-review"_s;
        break;
    case FundKind::Agricultural:
        meeting = line.recipient == Recipient::Village && pick(3) == 0 ? u"villagers"_s
                  : pick(2)                                            ? u"executive"_s
                                                                       : u"party-committee"_s;
        break;
    }
    static const QStringList bodies{u"%1扶贫开发领导小组（组长、副组长及成员单位负责人 11 人）"_s,
                                    u"%1政府常务会议（区长主持，副区长及相关部门负责人参加）"_s,
                                    u"%1业务主管部门与财政局联合审定（局务会 7 人）"_s};
    const int state = pick(10); // 0: documents never attached; 1: entered late; otherwise on time
    const QDate due = funds::documentDue(approved, m_calendar);
    QJsonObject f{{u"fundCode"_s, line.code},
                  {u"year"_s, allocation.value(u"year"_s).toInt()},
                  {u"allocationId"_s, allocationId},
                  {u"amountFen"_s, amount},
                  {u"content"_s,
                   u"按各镇（街道）项目申报和考核结果，因素法分配%1资金（演示）"_s.arg(line.name.left(30))},
                  {u"meetingKind"_s, meeting},
                  {u"approvedOn"_s, iso(approved)},
                  {u"approvedBy"_s, bodies.at(pick(int(bodies.size()))).arg(county.name)},
                  {u"approvalDocNo"_s,
                   u"%1〔%2〕%3号"_s.arg(county.name.left(2)).arg(approved.year()).arg(1 + pick(90))}};
    if (state != 0)
        f.insert(u"documents"_s, document(2));
    write(m_planType, newId(), county.id, county.path, county.id + u'-' + line.leadDepartment, f,
          entryDay(approved, due, state == 1));
    ++m_counts.plans;
}

// --- disbursements ---

void Generator::payment(const FundLine &line, const County &county, const QString &period, QDate paidOn,
                        const QJsonObject &recipient, const QString &orgUnitId, const QString &orgPath,
                        qint64 amountFen)
{
    if (paidOn > m_today)
        return;
    const QDate start = funds::DisbursementType::periodStart(period);
    const funds::Deadlines d = funds::disbursementDeadlines(line.kind, line.cycle, start, paidOn, m_calendar);
    const QDate due = d.enterBy.value_or(QDate());
    const bool late = pick(14) == 0;
    QDate entered = entryDay(paidOn, due, late);
    if (funds::isReliefFund(line.kind)) {
        // Relief entry closes on the 20th of the period quarter's last month (rule 4): nothing on or after
        // it.
        const QDate last =
            EntryClose::lastOpenDay(funds::reliefEntryClosesOn(start.year(), (start.month() - 1) / 3 + 1));
        if (paidOn > last)
            return;
        if (entered > last)
            entered = qMax(paidOn, qMin(due, last));
    }
    QJsonObject f = recipient;
    f.insert(u"fundCode"_s, line.code);
    f.insert(u"amountFen"_s, amountFen);
    f.insert(u"period"_s, period);
    f.insert(u"paidOn"_s, iso(paidOn));
    // Vouchers attached mostly; one payment in eleven without (due soon or overdue by now).
    if (pick(11))
        f.insert(u"vouchers"_s, document(pick(3) ? 0 : 5));
    write(m_disbursementType, newId(), orgUnitId, orgPath, county.id + u'-' + line.leadDepartment, f,
          entered);
    ++m_counts.disbursements;
}

void Generator::disbursements(const FundLine &line, int lineIndex, const County &county)
{
    if (county.villages.isEmpty() || county.persons.isEmpty())
        return;
    // The last five quarters, the current one included.
    const QDate quarterStart(m_today.year(), (m_today.month() - 1) / 3 * 3 + 1, 1);
    const QDate windowStart = quarterStart.addMonths(-12);
    auto personFields = [&](const Person &p) {
        return QJsonObject{{u"recipientKind"_s, u"person"_s},
                           {u"recipientName"_s, p.name},
                           {u"idNumber"_s, p.idNumber},
                           {u"account"_s, u"6228%1"_s.arg(qint64(between(100000000000LL, 999999999999LL)))}};
    };
    auto householdFields = [&](const Person &head) {
        return QJsonObject{{u"recipientKind"_s, u"household"_s},
                           {u"recipientName"_s, head.name},
                           {u"idNumber"_s, head.idNumber},
                           {u"account"_s, u"6228%1"_s.arg(qint64(between(100000000000LL, 999999999999LL)))}};
    };
    const QList<Person> &people =
        line.recipient == Recipient::Household && !county.heads.isEmpty() ? county.heads : county.persons;

    if (line.cycle == PaymentCycle::Monthly) {
        // A roster paid every month (by the 15th mostly, now and then late).
        const int rosterSize = 3 + pick(3);
        QList<Person> roster;
        for (int i = 0; i < rosterSize; ++i)
            roster.append(people.at(pick(int(people.size()))));
        const qint64 monthly = between(30, 150) * 1000;
        for (QDate month = windowStart; month <= m_today; month = month.addMonths(1)) {
            const QString period = month.toString(u"yyyy-MM"_s);
            for (const Person &p : std::as_const(roster)) {
                const QDate paid = pick(12) == 0 ? month.addDays(15 + pick(5)) : month.addDays(2 + pick(12));
                payment(line, county, period, paid,
                        line.recipient == Recipient::Household ? householdFields(p) : personFields(p),
                        p.villageId, p.villagePath, monthly);
            }
        }
        return;
    }
    for (QDate quarter = windowStart; quarter <= m_today; quarter = quarter.addMonths(3)) {
        const QString period = u"%1Q%2"_s.arg(quarter.year()).arg((quarter.month() - 1) / 3 + 1);
        const QDate quarterEnd = quarter.addMonths(3).addDays(-1);
        const int n = line.cycle == PaymentCycle::PerProject ? 1 + pick(3) : 2 + pick(4);
        for (int i = 0; i < n; ++i) {
            const QDate paid = dayIn(quarter, qMin(quarterEnd, quarter.addDays(75)));
            const Village &v = county.villages.at(pick(int(county.villages.size())));
            switch (line.recipient) {
            case Recipient::Person: {
                const Person &p = people.at(pick(int(people.size())));
                payment(line, county, period, paid, personFields(p), p.villageId, p.villagePath,
                        between(50, 500) * 1000);
                break;
            }
            case Recipient::Household: {
                const Person &p = people.at(pick(int(people.size())));
                payment(line, county, period, paid, householdFields(p), p.villageId, p.villagePath,
                        between(100, 1200) * 1000);
                break;
            }
            case Recipient::Unit: {
                static const QStringList units{u"%1农业服务中心（演示）"_s, u"%1农机专业合作社（演示）"_s,
                                               u"%1家庭农场联合社（演示）"_s};
                payment(line, county, period, paid,
                        {{u"recipientKind"_s, u"unit"_s},
                         {u"recipientName"_s, units.at(pick(int(units.size()))).arg(v.name.left(2))}},
                        county.id, county.path, between(100, 2000) * 10000);
                break;
            }
            case Recipient::Village:
                payment(line, county, period, paid,
                        {{u"recipientKind"_s, u"village"_s}, {u"recipientName"_s, v.name}}, v.id, v.path,
                        between(50, 500) * 100000);
                break;
            case Recipient::Project: {
                static const QStringList projects{
                    u"%1高标准农田建设项目（演示）"_s, u"%1农村人居环境整治项目（演示）"_s,
                    u"%1产业扶贫标准厂房项目（演示）"_s, u"%1河道疏浚项目（演示）"_s};
                payment(line, county, period, paid,
                        {{u"recipientKind"_s, u"project"_s},
                         {u"recipientName"_s,
                          projects.at((lineIndex + i) % projects.size()).arg(v.name.left(2))}},
                        county.id, county.path, between(20, 400) * 1000000);
                break;
            }
            }
        }
    }
}

// --- returns and evaluations ---

void Generator::fundReturn(const FundLine &line, const County &county, int year)
{
    const QDate received =
        year < m_today.year()
            ? QDate(year, 12, 1).addDays(pick(20))
            : QDate(year, 1, 10).addDays(pick(qMax(1, int(QDate(year, 1, 10).daysTo(m_today)))));
    if (received > m_today || county.villages.isEmpty())
        return;
    const qint64 income = between(100, 2000) * 10000;
    // Distributed in full mostly; one in five in part (Art. 28: returns not distributed); one in eight not
    // yet.
    const int state = pick(40);
    const qint64 toDistribute = state < 5 ? 0 : state < 13 ? income * (50 + pick(40)) / 100 : income;
    QJsonArray items;
    if (toDistribute > 0) {
        QList<QPair<QString, QPair<QString, QString>>> targets; // kind, (id, name)
        QSet<QString> seen;
        const int villages = 2 + pick(4);
        for (int i = 0; i < villages; ++i) {
            const Village &v = county.villages.at(pick(int(county.villages.size())));
            if (!seen.contains(v.id)) {
                seen.insert(v.id);
                targets.append({u"village"_s, {v.id, v.name}});
            }
        }
        for (int i = 0; i < 3 && !county.heads.isEmpty(); ++i) {
            const Person &h = county.heads.at(pick(int(county.heads.size())));
            if (!h.householdId.isEmpty() && !seen.contains(h.householdId)) {
                seen.insert(h.householdId);
                targets.append({u"household"_s, {h.householdId, h.name}});
            }
        }
        qint64 left = toDistribute;
        for (qsizetype i = 0; i < targets.size(); ++i) {
            const bool lastOne = i + 1 == targets.size();
            const qint64 amount = lastOne ? left : qMax<qint64>(1, left * (20 + pick(30)) / 100);
            if (amount <= 0)
                break;
            left -= amount;
            items.append(QJsonObject{{u"targetKind"_s, targets.at(i).first},
                                     {u"targetId"_s, targets.at(i).second.first},
                                     {u"targetName"_s, targets.at(i).second.second.left(80)},
                                     {u"amountFen"_s, amount}});
        }
    }
    static const QStringList assets{u"村级光伏电站（演示）"_s, u"标准厂房租金（演示）"_s,
                                    u"农业产业园入股分红（演示）"_s, u"物业用房出租（演示）"_s};
    const int docState = pick(10);
    QJsonObject f{{u"fundCode"_s, line.code},
                  {u"year"_s, year},
                  {u"asset"_s, assets.at(pick(int(assets.size())))},
                  {u"incomeFen"_s, income},
                  {u"receivedOn"_s, iso(received)}};
    if (!items.isEmpty())
        f.insert(u"distribution"_s, items);
    if (docState != 0)
        f.insert(u"documents"_s, document(3));
    // Households are looked up by the server (they must exist in the area): only registered ones are used.
    write(m_returnType, newId(), county.id, county.path, county.id + u'-' + line.leadDepartment, f,
          entryDay(received, funds::documentDue(received, m_calendar), docState == 1));
    ++m_counts.returns;
}

void Generator::evaluation(const FundLine &line, const County &county)
{
    // Last year's evaluation, made in this year's spring; early in the year, the year before's.
    int year = m_today.year() - 1;
    QDate evaluated = QDate(year + 1, 2, 20).addDays(pick(100));
    if (evaluated > m_today) {
        --year;
        evaluated = evaluated.addYears(-1);
    }
    const double score = double(550 + pick(440)) / 10.0;
    const int state = pick(9);
    QJsonObject f{{u"fundCode"_s, line.code},
                  {u"year"_s, year},
                  {u"score"_s, score},
                  {u"grade"_s, funds::EvaluationType::gradeForScore(score)},
                  {u"conclusion"_s, score >= 80
                                        ? u"资金拨付及时，项目绩效目标基本实现，群众满意度较高（演示）"_s
                                        : u"部分资金拨付滞后，绩效目标未全部实现，需限期整改（演示）"_s},
                  {u"evaluator"_s, QString(county.name + u"财政局绩效评价中心"_s)},
                  {u"evaluatedOn"_s, iso(evaluated)},
                  {u"report"_s, document(4)}};
    write(m_evaluationType, funds::EvaluationType::recordIdFor(line.code, year, county.id), county.id,
          county.path, county.id + u'-' + line.leadDepartment, f,
          entryDay(evaluated, funds::documentDue(evaluated, m_calendar), state == 0));
    ++m_counts.evaluations;
}

FundDemo::Counts Generator::run()
{
    loadPlaces();
    loadDocuments();
    const QList<FundLine> lines = funds::allFundLines();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const FundLine &line = lines.at(i);
        allocations(line, int(i), nullptr);
        for (qsizetype c = 0; c < m_counties.size(); ++c) {
            const County &county = m_counties.at(c);
            allocations(line, int(i), &county);
            disbursements(line, int(i), county);
            const bool assets = line.recipient == Recipient::Project || line.recipient == Recipient::Village;
            if (assets && (i + c) % 3 == 0) {
                fundReturn(line, county, m_today.year() - 1);
                fundReturn(line, county, m_today.year());
            }
            if (pick(10) < 6)
                evaluation(line, county);
        }
    }
    m_counts.records = m_writer.finish();
    return m_counts;
}

} // namespace

FundDemo::Counts FundDemo::loadIfEmpty(Store &store, const Clock &clock, AuditLog &audit,
                                       AttachmentStore &files)
{
    {
        SqlQuery q(store,
                   u"SELECT COUNT(*) FROM records WHERE type IN ('disbursement', 'fund-allocation')"_s);
        q.exec();
        if (q.next() && q.int64(0) > 0)
            return {};
    }
    Transaction tx(store);
    Generator generator(store, clock, files);
    const Counts counts = generator.run();
    audit.append({{},
                  u"system"_s,
                  u"demo.load-fund-records"_s,
                  u"store"_s,
                  {},
                  {{u"allocations"_s, counts.allocations},
                   {u"disbursements"_s, counts.disbursements},
                   {u"plans"_s, counts.plans},
                   {u"returns"_s, counts.returns},
                   {u"evaluations"_s, counts.evaluations},
                   {u"records"_s, counts.records}},
                  {}});
    tx.commit();
    return counts;
}

} // namespace sunshine
