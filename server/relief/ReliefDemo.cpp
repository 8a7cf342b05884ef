#include "server/relief/ReliefDemo.h"

#include "common/core/IdCard.h"
#include "common/core/WorkingCalendar.h"
#include "common/relief/AssistanceTypes.h"
#include "common/relief/CaseTypes.h"
#include "common/relief/RegistryTypes.h"
#include "common/relief/ReliefRules.h"
#include "server/audit/AuditLog.h"
#include "server/demo/DemoPeople.h"
#include "server/demo/DemoRecordWriter.h"
#include "server/store/BulkInsert.h"
#include "server/store/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

using relief::Quarter;

namespace {

struct Place
{
    QString id;
    QString path;
    QString county; // six digits
    QString town;   // org unit id
};

// Relief records are entered now, without a department.
class Writer
{
public:
    Writer(Store &store, qint64 now)
        : m_now(now)
        , m_out(store)
    {}

    void add(const QString &type, const QString &id, const QString &orgUnitId, const QString &orgPath,
             const QJsonObject &fields, const QString &by, bool late = false)
    {
        m_out.add(type, id, orgUnitId, orgPath, {}, fields, by, m_now, late);
    }

    int finish() { return m_out.finish(); }

private:
    qint64 m_now;
    DemoRecordWriter m_out;
};

class Generator
{
public:
    Generator(Store &store, const Clock &clock)
        : m_writer(store, clock.nowMs())
        , m_today(chinaDateOf(clock.nowMs()))
        , m_calendar(WorkingCalendar::current())
    {}

    ReliefDemo::Counts run(Store &store);

private:
    int pick(int n) { return int(m_rng.bounded(n)); }
    QString personName() { return demo::personName(m_rng); }
    QString idNumber(const QString &county, QDate birth, bool male);
    QString mobile() { return u"1%1%2"_s.arg(3 + pick(6)).arg(pick(1000000000), 9, 10, QChar(u'0')); }
    QString newId();

    void household(const Place &village, const QString &helperTown);
    void helpersAndPairings(const QList<Place> &villages);
    void weakVillages(Store &store);
    void identificationCases(const Place &village, int count);
    void exitCase(const Place &village, const QString &householdId, int stage);
    void helpRequests(const Place &village, int count);
    QJsonArray steps(relief::CaseKind kind, int passed, bool rejectLast, QDate start, const QString &byTown,
                     const QString &byCounty);

    Writer m_writer;
    QDate m_today;
    const WorkingCalendar &m_calendar;
    QRandomGenerator m_rng{20191210};
    QSet<QString> m_ids;
    ReliefDemo::Counts m_counts;
    QHash<QString, QStringList> m_householdsByVillage; // registered households
    QHash<QString, QString> m_householdHead;
};

QString Generator::newId()
{
    return demo::randomRecordId(m_rng);
}

QString Generator::idNumber(const QString &county, QDate birth, bool male)
{
    for (;;) {
        const int seq = pick(500) * 2 + (male ? 1 : 0);
        const QString first17 = county + birth.toString(u"yyyyMMdd"_s) + u"%1"_s.arg(seq, 3, 10, QChar(u'0'));
        const QString id = first17 + IdCard::checkCharacter(first17);
        if (!m_ids.contains(id)) {
            m_ids.insert(id);
            return id;
        }
    }
}

void Generator::household(const Place &village, const QString &)
{
    const QString id = newId();
    const int size = 1 + pick(5);
    const QString head = personName();
    static const QStringList causes{u"illness"_s,   u"illness"_s,   u"disability"_s, u"schooling"_s,
                                    u"no-labour"_s, u"no-labour"_s, u"no-skills"_s,  u"no-funds"_s,
                                    u"disaster"_s,  u"other"_s};
    QJsonObject h{
        {u"householdNo"_s,
         QString(village.id.right(6) +
                 u"%1"_s.arg(m_householdsByVillage[village.id].size() + 1, 3, 10, QChar(u'0')))},
        {u"headName"_s, head},
        {u"address"_s, u"%1组%2号（演示）"_s.arg(1 + pick(12)).arg(1 + pick(80))},
        {u"phone"_s, mobile()},
        {u"povertyCause"_s, causes.at(pick(int(causes.size())))},
        {u"registeredYear"_s, 2016 + pick(qMax(1, m_today.year() - 2016))},
        {u"status"_s, u"registered"_s},
        {u"passbookBank"_s, pick(2) ? u"江苏南通农村商业银行"_s : u"邮储银行南通分行"_s},
        {u"passbookAccount"_s,
         u"6228%1%2"_s.arg(pick(100000000), 8, 10, QChar(u'0')).arg(pick(10000000), 7, 10, QChar(u'0'))},
        {u"educationOk"_s, pick(40) == 0 ? u"no"_s : (pick(3) ? u"none"_s : u"yes"_s)},
        {u"medicalInsured"_s, pick(50) != 0},
        {u"familyDoctor"_s, pick(8) != 0},
        {u"seriousIllnessCover"_s, pick(10) != 0},
        {u"housing"_s, pick(30) == 0 ? u"unsafe"_s : (pick(5) == 0 ? u"renovated"_s : u"safe"_s)},
        {u"drinkingWaterSafe"_s, pick(60) != 0}};
    // Now and then a household that left the registry at the last year end, confirmed by the county.
    const bool exited = m_counts.households % 97 == 5;
    if (exited) {
        h.insert(u"status"_s, u"exited"_s);
        h.insert(u"exitCaseId"_s, relief::ExitCaseType::recordIdFor(id, m_today.year() - 1));
        h.insert(u"exitYear"_s, m_today.year() - 1);
        h.insert(u"registeredYear"_s, 2016 + pick(qMax(1, m_today.year() - 2017)));
    }
    m_writer.add(u"household"_s, id, village.id, village.path, h, u"demo-town-clerk"_s);
    if (exited)
        exitCase(village, id, 3);
    else
        m_householdsByVillage[village.id].append(id);
    m_householdHead.insert(id, head);
    ++m_counts.households;

    // Members: the head, then spouse, children, parents.
    static const QStringList relations{u"spouse"_s, u"child"_s, u"child"_s, u"parent"_s, u"grandchild"_s};
    for (int m = 0; m < size; ++m) {
        const QString relation = m == 0 ? u"head"_s : relations.at(m - 1);
        const int age = relation == u"child"_s        ? 3 + pick(25)
                        : relation == u"grandchild"_s ? 1 + pick(12)
                        : relation == u"parent"_s     ? 70 + pick(18)
                                                      : 35 + pick(40);
        const QDate birth = m_today.addYears(-age).addDays(-pick(360));
        const bool male = relation == u"spouse"_s ? false : pick(2) == 0;
        QJsonObject f{
            {u"householdId"_s, id},
            {u"name"_s, m == 0 ? head : personName()},
            {u"idNumber"_s, idNumber(village.county, birth, male)},
            {u"relation"_s, relation},
            {u"health"_s, pick(4) == 0 ? u"chronic"_s : (pick(12) == 0 ? u"serious"_s : u"healthy"_s)},
            {u"disability"_s, pick(10) == 0 ? QString::number(1 + pick(4)) : u"none"_s},
            {u"labour"_s, age < 16 || age > 70 ? u"none"_s : (pick(4) == 0 ? u"partial"_s : u"full"_s)},
            {u"medicalInsured"_s, pick(50) != 0},
            {u"pensionInsured"_s, age >= 16 && pick(6) != 0}};
        if (age >= 6 && age <= 22)
            f.insert(u"schooling"_s, age <= 12 ? u"primary"_s : (age <= 15 ? u"junior"_s : u"senior"_s));
        m_writer.add(u"member"_s, newId(), village.id, village.path, f, u"demo-town-clerk"_s);
        ++m_counts.members;
    }

    // The last four quarters' income; about one household in twenty is at or above the line.
    const bool above = pick(20) == 0;
    const qint64 yearlyPerCapita = above ? 700000 + pick(200000) : 300000 + pick(380000);
    Quarter q = Quarter::of(m_today);
    for (int i = 0; i < 4; ++i) {
        q = q.previous();
        const qint64 total = yearlyPerCapita * size / 4;
        const qint64 transfer = total / 4 + pick(10000);
        const qint64 business = pick(5) == 0 ? -pick(30000) : pick(int(total / 5 + 1));
        const qint64 property = pick(3) == 0 ? pick(20000) : 0;
        QJsonObject f{{u"householdId"_s, id},
                      {u"quarter"_s, q.toString()},
                      {u"wagesFen"_s, qMax<qint64>(0, total - transfer - business - property)},
                      {u"businessFen"_s, business},
                      {u"propertyFen"_s, property},
                      {u"transferFen"_s, transfer},
                      {u"members"_s, size}};
        m_writer.add(u"household-income"_s, relief::HouseholdIncomeType::recordIdFor(id, q.toString()),
                     village.id, village.path, f, u"demo-town-clerk"_s);
    }
}

void Generator::helpersAndPairings(const QList<Place> &villages)
{
    // Helpers are kept at the town; each helps up to five households of the town.
    QHash<QString, QList<QPair<QString, QString>>> helpersByTown; // town -> (helper id, path)
    QHash<QString, int> nextHelper;
    static const QStringList kinds{u"cadre"_s, u"cadre"_s, u"village-cadre"_s, u"entrepreneur"_s, u"other"_s};
    static const QStringList units{u"区农业农村局"_s, u"镇人民政府"_s, u"区财政局"_s,
                                   u"区民政局"_s,     u"村民委员会"_s, u"（演示）农业科技有限公司"_s};
    for (const Place &v : villages) {
        const QStringList households = m_householdsByVillage.value(v.id);
        for (const QString &hh : households) {
            if (pick(33) == 0)
                continue; // a gap in coverage, as the coverage view lists
            auto &helpers = helpersByTown[v.town];
            int &n = nextHelper[v.town];
            if (helpers.isEmpty() || n >= int(helpers.size()) * 5) {
                const QString hid = newId();
                const QString townPath = v.path.section(u'/', 0, 3) + u'/';
                const QString kind = kinds.at(pick(int(kinds.size())));
                m_writer.add(u"helper"_s, hid, v.town, townPath,
                             {{u"name"_s, personName()},
                              {u"kind"_s, kind},
                              {u"unit"_s, units.at(pick(int(units.size())))},
                              {u"post"_s, kind == u"cadre"_s ? u"科员"_s : u"成员"_s},
                              {u"mobile"_s, mobile()}},
                             u"demo-town-clerk"_s);
                helpers.append({hid, townPath});
            }
            const QString helperId = helpers.at(n / 5).first;
            ++n;
            const QString pairingId = relief::PairingType::recordIdFor(helperId, hh);
            m_writer.add(
                u"pairing"_s, pairingId, v.id, v.path,
                {{u"helperId"_s, helperId},
                 {u"householdId"_s, hh},
                 {u"startDate"_s, QDate(m_today.year() - 1, 1, 10 + pick(15)).toString(Qt::ISODate)}},
                u"demo-town-clerk"_s);

            // Visits of the last quarters whose window has opened; about one in twelve missing.
            Quarter q = Quarter::of(m_today);
            for (int i = 0; i < 4; ++i, q = q.previous()) {
                const relief::VisitWindow w = relief::visitWindow(q);
                const QDate date = w.opens.addDays(pick(int(w.opens.daysTo(w.closes)) + 1));
                if (date > m_today || pick(12) == 0)
                    continue;
                const bool late = pick(40) == 0;
                QJsonObject f{{u"pairingId"_s, pairingId},
                              {u"quarter"_s, q.toString()},
                              {u"visitDate"_s, date.toString(Qt::ISODate)},
                              {u"latitude"_s, 31.9 + pick(5000) / 10000.0},
                              {u"longitude"_s, 120.7 + pick(9000) / 10000.0},
                              {u"notes"_s, pick(3) ? u"了解家庭近况，宣传帮扶政策，核对一折通发放（演示）"_s
                                                   : u"协助办理医保报销，落实就业帮扶（演示）"_s},
                              {u"incomeWagesFen"_s, 100000 + pick(300000)},
                              {u"incomeTransferFen"_s, 50000 + pick(100000)}};
                m_writer.add(u"visit"_s, relief::VisitType::recordIdFor(pairingId, q.toString()), v.id,
                             v.path, f, u"demo-town-clerk"_s, late);
            }
        }
    }
}

QJsonArray Generator::steps(relief::CaseKind kind, int passed, bool rejectLast, QDate start,
                            const QString &byTown, const QString &byCounty)
{
    const QList<relief::WorkflowStep> all = relief::workflowSteps(kind);
    QJsonArray out;
    QDate d = start;
    for (int i = 0; i < passed + (rejectLast ? 1 : 0) && i < all.size(); ++i) {
        const relief::WorkflowStep &s = all.at(i);
        relief::StepEntry e;
        e.step = s.code;
        e.passed = !(rejectLast && i == passed);
        if (s.publicNotice) {
            e.noticeStart = d;
            e.noticeEnd = d.addDays(6);
            d = e.noticeEnd;
        }
        e.date = d;
        e.person = personName();
        e.opinion = e.passed ? u"同意（演示）"_s : u"家庭收入核实超过标准，退回重新评议（演示）"_s;
        out.append(relief::stepToJson(e, s.level >= OrgLevel::Town ? byTown : byCounty));
        d = d.addDays(3 + pick(4));
    }
    return out;
}

void Generator::identificationCases(const Place &village, int count)
{
    for (int i = 0; i < count; ++i) {
        const int stage = i % 8; // 0..6 steps passed; 7: returned from the town review
        const int passed = stage == 7 ? 3 : stage;
        const QDate start = m_today.addDays(-75 + pick(10));
        const QString id = newId();
        QJsonObject f{{u"year"_s, m_today.year()},
                      {u"applicantName"_s, personName()},
                      {u"applicantIdNumber"_s,
                       idNumber(village.county, m_today.addYears(-30 - pick(40)), pick(2) == 0)},
                      {u"members"_s, 1 + pick(5)},
                      {u"perCapitaIncomeFen"_s, 350000 + pick(300000)},
                      {u"reason"_s, u"家庭成员患病，收入低于标准（演示）"_s},
                      {u"crossRegion"_s, i % 11 == 5},
                      {u"steps"_s, steps(relief::CaseKind::Identification, passed, stage == 7, start,
                                         u"demo-town-reviewer"_s, u"demo-county-reviewer"_s)}};
        // Cases waiting for their village or town notice have it posted: on the portal while it lasts.
        if (stage == 2 || stage == 3) {
            const QJsonArray done = f.value(u"steps"_s).toArray();
            const QDate last =
                QDate::fromString(done.last().toObject().value(u"date"_s).toString(), Qt::ISODate);
            const QDate noticeStart = std::max(last, m_today.addDays(-2 - pick(3)));
            f.insert(u"noticeStart"_s, noticeStart.toString(Qt::ISODate));
            f.insert(u"noticeEnd"_s, noticeStart.addDays(6).toString(Qt::ISODate));
        }
        if (passed >= 5) {
            QJsonArray hits;
            hits.append(
                QJsonObject{{u"source"_s, u"vehicles"_s},
                            {u"detail"_s, u"名下登记小型客车一辆（演示）"_s},
                            {u"status"_s, stage == 5 && i % 2 ? u"open"_s : u"cleared"_s},
                            {u"reason"_s, stage == 5 && i % 2 ? QString() : u"车辆已报废注销（演示）"_s}});
            f.insert(u"hits"_s, hits);
        }
        m_writer.add(u"identification-case"_s, id, village.id, village.path, f, u"demo-town-clerk"_s);
    }
}

void Generator::exitCase(const Place &village, const QString &householdId, int stage)
{
    // Exits decided at the last year end (December to January).
    const int year = m_today.year() - 1;
    const QString id = relief::ExitCaseType::recordIdFor(householdId, year);
    QJsonObject f{{u"householdId"_s, householdId},
                  {u"year"_s, year},
                  {u"perCapitaIncomeFen"_s, 720000 + pick(200000)},
                  {u"reason"_s, u"家庭人均收入稳定超过 7000 元，两不愁三保障达标（演示）"_s},
                  {u"steps"_s, steps(relief::CaseKind::Exit, stage, false, QDate(year, 12, 2),
                                     u"demo-town-reviewer"_s, u"demo-county-reviewer"_s)}};
    m_writer.add(u"exit-case"_s, id, village.id, village.path, f, u"demo-town-clerk"_s);
}

void Generator::helpRequests(const Place &village, int count)
{
    const QStringList households = m_householdsByVillage.value(village.id);
    static const QStringList categories{u"medical"_s,    u"education"_s, u"housing"_s,
                                        u"employment"_s, u"subsidy"_s,   u"other"_s};
    for (int i = 0; i < count && !households.isEmpty(); ++i) {
        const QString hh = households.at(pick(int(households.size())));
        const int state = i % 6;
        const QDate raised = m_today.addDays(-(state == 0 ? pick(3) : 10 + pick(25)));
        QJsonObject f{{u"householdId"_s, hh},
                      {u"raisedOn"_s, raised.toString(Qt::ISODate)},
                      {u"category"_s, categories.at(pick(int(categories.size())))},
                      {u"content"_s, u"申请协调解决子女上学交通补助（演示）"_s},
                      {u"requester"_s, m_householdHead.value(hh)},
                      {u"requesterPhone"_s, mobile()}};
        // 0: just raised; 1: not accepted in time; 2: answered on time; 3: answered late;
        // 4: assigned, result overdue or due; 5: result on time.
        if (state >= 2) {
            const QDate due = relief::helpAnswerDue(raised, m_calendar);
            const QDate accepted = m_calendar.nextWorkingDayOnOrAfter(raised.addDays(1));
            const QDate answered = state == 3 ? m_calendar.addWorkingDays(due, 2) : accepted;
            if (answered <= m_today) {
                f.insert(u"acceptedOn"_s, accepted.toString(Qt::ISODate));
                f.insert(u"answeredOn"_s, answered.toString(Qt::ISODate));
                f.insert(u"answer"_s, u"已受理，转镇社会事业局核实办理（演示）"_s);
            }
            if (state >= 4 && f.contains(u"acceptedOn"_s)) {
                f.insert(u"assignedTo"_s, u"镇社会事业局"_s);
                f.insert(u"assignedOn"_s, accepted.toString(Qt::ISODate));
                const QDate result = m_calendar.addWorkingDays(accepted, 6);
                if (state == 5 && result <= m_today) {
                    f.insert(u"resultOn"_s, result.toString(Qt::ISODate));
                    f.insert(u"result"_s, u"已落实交通补助，每学期 600 元（演示）"_s);
                }
            }
        }
        const QString id = newId();
        f.insert(u"lookupCode"_s, relief::helpLookupCode(id));
        m_writer.add(u"help-request"_s, id, village.id, village.path, f, u"demo-town-clerk"_s);
    }
}

void Generator::weakVillages(Store &store)
{
    QStringList cityDepartments;
    {
        SqlQuery q(store, u"SELECT d.id FROM departments d JOIN org_units o ON o.id = d.org_unit_id "
                          u"WHERE o.level = 1 ORDER BY d.id"_s);
        q.exec();
        while (q.next())
            cityDepartments.append(q.text(0));
    }
    SqlQuery q(store, u"SELECT id, path FROM org_units WHERE level = 4 ORDER BY id"_s);
    q.exec();
    QList<QPair<QString, QString>> all;
    while (q.next())
        all.append({q.text(0), q.text(1)});
    // 92 city-designated villages (Art. 19), each paired with a city department, and some provincial ones.
    int city = 0, provincial = 0;
    for (qsizetype i = 0; i < all.size() && (city < 92 || provincial < 30); i += 13) {
        const bool isCity = city < 92 && (provincial >= 30 || i % 3 != 0);
        QJsonObject f{{u"designation"_s, isCity ? u"city"_s : u"provincial"_s},
                      {u"year"_s, 2021 + pick(3)},
                      {u"collectiveIncomeFen"_s, 8000000 + pick(12000000)}};
        if (isCity && !cityDepartments.isEmpty())
            f.insert(u"pairedDepartmentId"_s, cityDepartments.at(city % cityDepartments.size()));
        m_writer.add(u"weak-village"_s, relief::WeakVillageType::recordIdFor(all.at(i).first),
                     all.at(i).first, all.at(i).second, f, u"demo-city-clerk"_s);
        (isCity ? city : provincial)++;
    }
}

ReliefDemo::Counts Generator::run(Store &store)
{
    // Villages with households: in every county the first two towns' first six villages; in the demo county
    // (通州区) three towns, and twelve villages of the demo accounts' town.
    QList<Place> villages;
    {
        SqlQuery q(store, u"SELECT id, path, parent_id FROM org_units WHERE level = 4 ORDER BY id"_s);
        q.exec();
        while (q.next()) {
            const QString id = q.text(0);
            const int town = id.mid(6, 3).toInt() - 101;
            const int village = id.mid(9, 3).toInt() - 201;
            const bool demoCounty = id.startsWith(u"320612"_s);
            const bool chosen =
                demoCounty ? (town == 0 ? village < 12 : town < 3 && village < 6) : town < 2 && village < 6;
            if (chosen)
                villages.append({id, q.text(1), id.left(6), q.text(2)});
        }
    }
    for (const Place &v : std::as_const(villages)) {
        const int n = 16 + pick(14);
        for (int i = 0; i < n; ++i)
            household(v, v.town);
    }
    helpersAndPairings(villages);
    for (qsizetype i = 0; i < villages.size(); ++i) {
        const Place &v = villages.at(i);
        if (i % 3 == 0)
            identificationCases(v, 8);
        if (i % 4 == 1) {
            const QStringList hh = m_householdsByVillage.value(v.id);
            for (int stage = 0; stage < 4 && stage < hh.size(); ++stage)
                exitCase(v, hh.at(stage), stage);
        }
        helpRequests(v, 6);
    }
    weakVillages(store);
    m_counts.records = m_writer.finish();
    return m_counts;
}

} // namespace

ReliefDemo::Counts ReliefDemo::loadIfEmpty(Store &store, const Clock &clock, AuditLog &audit)
{
    {
        SqlQuery q(store, u"SELECT COUNT(*) FROM records WHERE type = 'household'"_s);
        q.exec();
        if (q.next() && q.int64(0) > 0)
            return {};
    }
    Transaction tx(store);
    Generator generator(store, clock);
    const Counts counts = generator.run(store);
    audit.append({{},
                  u"system"_s,
                  u"demo.load-records"_s,
                  u"store"_s,
                  {},
                  {{u"households"_s, counts.households},
                   {u"members"_s, counts.members},
                   {u"records"_s, counts.records}},
                  {}});
    tx.commit();
    return counts;
}

} // namespace sunshine
