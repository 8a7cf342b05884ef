#include "common/funds/FundFlowWarnings.h"

#include "common/core/Money.h"
#include "common/funds/ComparisonList.h"
#include "common/funds/FundCatalog.h"
#include "common/funds/FundRules.h"
#include "common/funds/FundTypes.h"
#include "common/funds/FundWarnings.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::funds {

using rules::Finding;
using rules::FindingSink;
using rules::RuleData;
using rules::RuleFilter;
using rules::RuleRecord;
using rules::RuleRun;
using sync::RecordType;

namespace {

const QString kAllocation = QString::fromUtf16(AllocationType::kName);
const QString kDisbursement = QString::fromUtf16(DisbursementType::kName);
const QString kStandard = QString::fromUtf16(StandardType::kName);
const QString kEntry = QString::fromUtf16(ComparisonEntryType::kName);

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

// The fund lines of the touched records of the given types, each once.
QStringList linesOf(const QList<RuleRecord> &touched, const QStringList &types)
{
    QSet<QString> codes;
    for (const RuleRecord &r : touched) {
        if (types.contains(r.type) && !r.text(u"fundCode"_s).isEmpty())
            codes.insert(r.text(u"fundCode"_s));
    }
    QStringList out(codes.cbegin(), codes.cend());
    out.sort();
    return out;
}

} // namespace

// --- FUND_HELD_TOO_LONG -----------------------------------------------------------------------------------

FundHeldTooLongRule::FundHeldTooLongRule()
    : Rule(
          {u"FUND_HELD_TOO_LONG"_s,
           u"资金滞留"_s,
           u"第六条、第二十八条"_s,
           u"资金指标到账后超过第六条规定的发放时间仍未拨付到位（按本单位该项目、该年度的发放累计，先到先拨）"_s,
           {kAllocation, kDisbursement}})
{}

QList<rules::RuleParameter> FundHeldTooLongRule::parameters() const
{
    return {{u"holdDays"_s, u"一次性、按项目拨付的资金到账后几天内应拨付（天）"_s, 90, 1, 730},
            {u"graceDays"_s, u"发放期限后再宽限几天（天）"_s, 0, 0, 365}};
}

QDate FundHeldTooLongRule::payOutBy(QDate received, PaymentCycle cycle, qint64 holdDays)
{
    if (!received.isValid())
        return {};
    switch (cycle) {
    case PaymentCycle::Monthly:
        return paymentDue(received.addMonths(1)); // the next month's payment date, the 15th (Art. 6 (三))
    case PaymentCycle::Quarterly:
        // Paid in the first month of the quarter after the one it came in (Art. 6 (三)).
        return quarterlyPaymentDue(
            QDate(received.year(), ((received.month() - 1) / 3) * 3 + 1, 1).addMonths(3));
    case PaymentCycle::Once:
    case PaymentCycle::PerProject:
        return received.addDays(holdDays);
    }
    return {};
}

QDate FundHeldTooLongRule::payOutBy(const QJsonObject &allocation, qint64 holdDays)
{
    const std::optional<FundLine> line = findFundLine(allocation.value(u"fundCode"_s).toString());
    return line ? payOutBy(RecordType::dateOf(allocation, u"receivedOn"_s), line->cycle, holdDays) : QDate();
}

QStringList FundHeldTooLongRule::periodsOf(int year)
{
    QStringList periods;
    for (int m = 1; m <= 12; ++m)
        periods.append(u"%1-%2"_s.arg(year).arg(m, 2, 10, QLatin1Char('0')));
    for (int q = 1; q <= 4; ++q)
        periods.append(u"%1Q%2"_s.arg(year).arg(q));
    return periods;
}

void FundHeldTooLongRule::check(RuleData &data, const RuleRun &run, const QStringList &fundCodes,
                                const FindingSink &sink) const
{
    // The allocations by unit, line and year, earliest first.
    QMap<QString, QList<RuleRecord>> byKey;
    RuleFilter allocations;
    if (!fundCodes.isEmpty())
        allocations.any.append({u"fundCode"_s, fundCodes});
    data.scan(kAllocation, allocations, [&](const RuleRecord &r) {
        if (RecordType::fenOf(r.fields, u"amountFen"_s) <= 0 ||
            !RecordType::dateOf(r.fields, u"receivedOn"_s).isValid())
            return;
        byKey[r.text(u"fundCode"_s) + u'|' + QString::number(r.fields.value(u"year"_s).toInt()) + u'|' +
              r.orgPath]
            .append(r);
    });
    const qint64 hold = run.parameter(u"holdDays"_s);
    const qint64 grace = run.parameter(u"graceDays"_s);
    QHash<QString, QHash<QString, qint64>> paidByLineYear; // "line|year" -> org path -> total
    for (auto it = byKey.begin(); it != byKey.end(); ++it) {
        QList<RuleRecord> &list = it.value();
        // Only a unit with an allocation past its window needs its payments added up.
        bool anyLate = false;
        for (const RuleRecord &a : std::as_const(list)) {
            const QDate due = payOutBy(a.fields, hold);
            anyLate = anyLate || (due.isValid() && due.addDays(grace) < run.today);
        }
        if (!anyLate)
            continue;
        std::sort(list.begin(), list.end(), [](const RuleRecord &a, const RuleRecord &b) {
            const QString ra = a.fields.value(u"receivedOn"_s).toString();
            const QString rb = b.fields.value(u"receivedOn"_s).toString();
            return ra != rb ? ra < rb : a.id < b.id;
        });
        const RuleRecord &first = list.first();
        const QString fundCode = first.text(u"fundCode"_s);
        const int year = first.fields.value(u"year"_s).toInt();
        const QString lineYear = fundCode + u'|' + QString::number(year);
        if (!paidByLineYear.contains(lineYear)) {
            RuleFilter payments;
            payments.equals.append({u"fundCode"_s, fundCode});
            payments.any.append({u"period"_s, periodsOf(year)});
            paidByLineYear.insert(lineYear, data.totals(kDisbursement, payments, u"amountFen"_s));
        }
        qint64 paid = 0; // under the allocations' unit
        const QHash<QString, qint64> &totals = paidByLineYear[lineYear];
        for (auto t = totals.constBegin(); t != totals.constEnd(); ++t) {
            if (t.key().startsWith(first.orgPath))
                paid += t.value();
        }
        qint64 cumulative = 0;
        for (const RuleRecord &a : std::as_const(list)) {
            const qint64 amount = RecordType::fenOf(a.fields, u"amountFen"_s);
            cumulative += amount;
            const qint64 outstanding = qMin(amount, qMax<qint64>(0, cumulative - paid));
            const QDate due = payOutBy(a.fields, hold);
            if (outstanding <= 0 || !due.isValid() || due.addDays(grace) >= run.today)
                continue;
            Finding f = finding(kAllocation, a.id, QString(), rules::Severity::Orange);
            f.summary = u"“%1”%2 年指标 %3 元（%4）于 %5 到账，应于 %6 前拨付，至今仍有 %7 元未拨付"_s
                            .arg(fundLineName(fundCode))
                            .arg(year)
                            .arg(money::formatYuan(amount), a.text(u"documentNo"_s), a.text(u"receivedOn"_s),
                                 iso(due), money::formatYuan(outstanding));
            f.evidence = QJsonObject{{u"fundCode"_s, fundCode},
                                     {u"fundName"_s, fundLineName(fundCode)},
                                     {u"year"_s, year},
                                     {u"documentNo"_s, a.text(u"documentNo"_s)},
                                     {u"amountFen"_s, amount},
                                     {u"receivedOn"_s, a.text(u"receivedOn"_s)},
                                     {u"payOutBy"_s, iso(due)},
                                     {u"allocatedToDateFen"_s, cumulative},
                                     {u"paidUnderUnitFen"_s, paid},
                                     {u"outstandingFen"_s, outstanding}};
            f.recordIds = {a.id};
            f.placeAt(a);
            f.ownerDepartment = leadDepartmentOf(fundCode);
            f.copyToDiscipline = true;
            sink(std::move(f));
        }
    }
}

void FundHeldTooLongRule::evaluate(RuleData &data, const RuleRun &run, const FindingSink &sink) const
{
    check(data, run, {}, sink);
}

void FundHeldTooLongRule::evaluateTouched(RuleData &data, const RuleRun &run,
                                          const QList<RuleRecord> &touched, const FindingSink &sink) const
{
    // A new allocation, or a payment (which only settles): the lines concerned.
    const QStringList lines = linesOf(touched, {kAllocation});
    if (!lines.isEmpty())
        check(data, run, lines, sink);
}

// --- PAYMENT_OVER_STANDARD --------------------------------------------------------------------------------

PaymentOverStandardRule::PaymentOverStandardRule()
    : Rule({u"PAYMENT_OVER_STANDARD"_s,
            u"超标准发放"_s,
            u"第二十七条、第二十八条"_s,
            u"资金发放金额高于牵头部门制定的该项目每笔标准（按村、资金项目和所属期归并）"_s,
            {kDisbursement, kStandard}})
{}

std::optional<PaymentOverStandardRule::Standard>
PaymentOverStandardRule::applicable(const QList<Standard> &standards, const QString &orgPath, QDate period)
{
    std::optional<Standard> best;
    for (const Standard &s : standards) {
        if (!orgPath.startsWith(s.orgPath) || !period.isValid() || s.effectiveFrom > period)
            continue;
        if (!best || s.orgPath.size() > best->orgPath.size() ||
            (s.orgPath.size() == best->orgPath.size() && s.effectiveFrom > best->effectiveFrom))
            best = s;
    }
    return best;
}

void PaymentOverStandardRule::check(RuleData &data, const RuleFilter &payments, const QStringList &fundCodes,
                                    const FindingSink &sink) const
{
    QHash<QString, QList<Standard>> standards; // by line
    RuleFilter lines;
    if (!fundCodes.isEmpty())
        lines.any.append({u"fundCode"_s, fundCodes});
    qint64 lowest = -1;
    data.scan(kStandard, lines, [&](const RuleRecord &r) {
        Standard s{r.id, r.orgPath, RecordType::dateOf(r.fields, u"effectiveFrom"_s),
                   RecordType::fenOf(r.fields, u"amountFen"_s), r.text(u"documentNo"_s)};
        if (s.amountFen <= 0 || !s.effectiveFrom.isValid())
            return;
        standards[r.text(u"fundCode"_s)].append(s);
        lowest = lowest < 0 ? s.amountFen : qMin(lowest, s.amountFen);
    });
    if (standards.isEmpty())
        return;
    RuleFilter filter = payments;
    QStringList codes = standards.keys();
    codes.sort();
    filter.any.append({u"fundCode"_s, codes});
    // Only payments above the lowest standard can be above theirs: the store leaves the others out.
    filter.sql = [lowest](const rules::FieldSql &field) {
        return rules::SqlCondition{u"CAST("_s + field(u"amountFen"_s) + u" AS BIGINT) > CAST(? AS BIGINT)"_s,
                                   {QString::number(lowest)}};
    };
    struct Batch
    {
        RuleRecord first;
        Standard standard;
        QStringList ids;
        int count = 0;
        qint64 totalFen = 0;
        qint64 maxFen = 0;
    };
    QMap<QString, Batch> batches; // by place, line and period
    data.scan(kDisbursement, filter, [&](const RuleRecord &r) {
        const QString code = r.text(u"fundCode"_s);
        const qint64 amount = RecordType::fenOf(r.fields, u"amountFen"_s);
        const auto s =
            applicable(standards.value(code), r.orgPath, DisbursementType::periodStart(r.text(u"period"_s)));
        if (!s || amount <= s->amountFen)
            return;
        Batch &b = batches[r.orgPath + u'|' + code + u'|' + r.text(u"period"_s)];
        if (b.count == 0) {
            b.first = r;
            b.standard = *s;
        }
        ++b.count;
        b.totalFen += amount;
        b.maxFen = qMax(b.maxFen, amount);
        if (b.ids.size() < 200)
            b.ids.append(r.id);
    });
    for (const Batch &b : std::as_const(batches)) {
        const QString code = b.first.text(u"fundCode"_s);
        const QString period = b.first.text(u"period"_s);
        Finding f = finding(u"village"_s, b.first.orgUnitId, code + u'/' + period, rules::Severity::Orange);
        f.summary = u"“%1”%2 期 %3 笔发放超过每笔标准 %4 元，最高 %5 元"_s.arg(fundLineName(code), period)
                        .arg(b.count)
                        .arg(money::formatYuan(b.standard.amountFen), money::formatYuan(b.maxFen));
        f.evidence = QJsonObject{{u"fundCode"_s, code},
                                 {u"fundName"_s, fundLineName(code)},
                                 {u"period"_s, period},
                                 {u"count"_s, b.count},
                                 {u"totalFen"_s, b.totalFen},
                                 {u"maxFen"_s, b.maxFen},
                                 {u"standardFen"_s, b.standard.amountFen},
                                 {u"standardDocumentNo"_s, b.standard.documentNo},
                                 {u"standardFrom"_s, iso(b.standard.effectiveFrom)}};
        f.recordIds = QStringList{b.standard.id} + b.ids;
        f.placeAt(b.first);
        f.ownerDepartment = leadDepartmentOf(code);
        f.copyToDiscipline = true;
        sink(std::move(f));
    }
}

void PaymentOverStandardRule::evaluate(RuleData &data, const RuleRun &, const FindingSink &sink) const
{
    check(data, RuleFilter{}, {}, sink);
}

void PaymentOverStandardRule::evaluateTouched(RuleData &data, const RuleRun &,
                                              const QList<RuleRecord> &touched, const FindingSink &sink) const
{
    // A new standard: its line everywhere. New payments: each one's place, line and period, whole.
    const QStringList changedLines = linesOf(touched, {kStandard});
    if (!changedLines.isEmpty())
        check(data, RuleFilter{}, changedLines, sink);
    QSet<QString> seen;
    for (const RuleRecord &r : touched) {
        if (r.type != kDisbursement || changedLines.contains(r.text(u"fundCode"_s)))
            continue;
        const QString key = r.orgPath + u'|' + r.text(u"fundCode"_s) + u'|' + r.text(u"period"_s);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        RuleFilter group;
        group.orgPath = r.orgPath;
        group.equals.append({u"period"_s, r.text(u"period"_s)});
        check(data, group, {r.text(u"fundCode"_s)}, sink);
    }
}

// --- BENEFICIARY_ON_LIST ----------------------------------------------------------------------------------

BeneficiaryOnListRule::BeneficiaryOnListRule()
    : Rule(
          {u"BENEFICIARY_ON_LIST"_s,
           u"名单比对疑点"_s,
           u"第九条、第二十六条、第二十七条"_s,
           u"领取资金的人在导入的比对名单上（死亡人员、财政供养人员、车辆、商品房、工商登记），且发放时该名单记录有效"_s,
           {kDisbursement, kEntry}})
{}

void BeneficiaryOnListRule::check(RuleData &data, const QStringList &idNumbers, const FindingSink &sink) const
{
    // The entries by person.
    QHash<QString, QList<RuleRecord>> entries;
    RuleFilter entryFilter;
    if (!idNumbers.isEmpty())
        entryFilter.any.append({u"idNumber"_s, idNumbers});
    data.scan(kEntry, entryFilter,
              [&](const RuleRecord &r) { entries[r.text(u"idNumber"_s).toUpper()].append(r); });
    if (entries.isEmpty())
        return;
    QStringList people = entries.keys();
    people.sort();
    struct Hit
    {
        RuleRecord entry;
        QList<RuleRecord> payments;
    };
    QMap<QString, Hit> hits; // by person, list and line
    RuleFilter payments;
    payments.any.append({u"idNumber"_s, people});
    data.scan(kDisbursement, payments, [&](const RuleRecord &p) {
        const QString person = p.text(u"idNumber"_s).toUpper();
        const QDate paidOn = RecordType::dateOf(p.fields, u"paidOn"_s);
        for (const RuleRecord &e : entries.value(person)) {
            // The list of the payment's county or of the city, in force when it was paid.
            if (!p.orgPath.startsWith(e.orgPath) || !ComparisonEntryType::covers(e.fields, paidOn))
                continue;
            Hit &h = hits[person + u'|' + e.text(u"list"_s) + u'|' + p.text(u"fundCode"_s)];
            if (h.payments.isEmpty())
                h.entry = e;
            h.payments.append(p);
        }
    });
    for (const Hit &h : std::as_const(hits)) {
        const RuleRecord &first = h.payments.first();
        const QString code = first.text(u"fundCode"_s);
        const QString listName = h.entry.text(u"list"_s);
        const auto list = comparisonListFromName(listName);
        const QString listChinese = list ? comparisonListChinese(*list) : listName;
        const QString person = first.text(u"idNumber"_s).toUpper();
        Finding f = finding(u"person"_s, rules::personSubjectId(person), listName + u'/' + code,
                            rules::Severity::Red);
        const PaymentsEvidence evidence = paymentsEvidence(h.payments);
        const qint64 total = evidence.totalFen;
        const QJsonArray &paid = evidence.items;
        const QStringList ids = QStringList{h.entry.id} + evidence.ids;
        f.summary = u"%1 在“%2”名单上（%3 起），仍领取“%4”%5 笔，合计 %6 元"_s
                        .arg(first.text(u"recipientName"_s), listChinese, h.entry.text(u"since"_s),
                             fundLineName(code))
                        .arg(h.payments.size())
                        .arg(money::formatYuan(total));
        // The list's details are the comparison data of Art. 26: the evidence names the list, not its source.
        f.evidence = QJsonObject{{u"list"_s, listName},
                                 {u"listName"_s, listChinese},
                                 {u"since"_s, h.entry.text(u"since"_s)},
                                 {u"until"_s, h.entry.text(u"until"_s)},
                                 {u"fundCode"_s, code},
                                 {u"fundName"_s, fundLineName(code)},
                                 {u"count"_s, int(h.payments.size())},
                                 {u"totalFen"_s, total},
                                 {u"payments"_s, paid}};
        f.recordIds = ids;
        f.idNumber = person;
        rules::placeAtCommonUnit(f, h.payments);
        f.ownerDepartment = leadDepartmentOf(code);
        f.copyToDiscipline = true;
        sink(std::move(f));
    }
}

void BeneficiaryOnListRule::evaluate(RuleData &data, const RuleRun &, const FindingSink &sink) const
{
    check(data, {}, sink);
}

void BeneficiaryOnListRule::evaluateTouched(RuleData &data, const RuleRun &, const QList<RuleRecord> &touched,
                                            const FindingSink &sink) const
{
    QSet<QString> people;
    for (const RuleRecord &r : touched) {
        const QString id = r.text(u"idNumber"_s);
        if (!id.isEmpty() && (r.type == kDisbursement || r.type == kEntry))
            people.insert(id);
    }
    if (people.isEmpty())
        return;
    QStringList ids(people.cbegin(), people.cend());
    ids.sort();
    check(data, ids, sink);
}

} // namespace sunshine::funds
