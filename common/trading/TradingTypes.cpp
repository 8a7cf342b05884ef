#include "common/trading/TradingTypes.h"

#include "common/auth/ServerActor.h"
#include "common/collective/CollectiveTypes.h"
#include "common/sync/StepHistory.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::trading {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

namespace {

const QString kListing = QString::fromUtf16(ListingType::kName);
const QString kRegistration = QString::fromUtf16(RegistrationType::kName);

std::optional<QString> staffDenied(const Scope &actor, const sync::Placement &placement)
{
    if (isServerActor(actor))
        return std::nullopt;
    if (!actor.hasRole(Role::Clerk) && !actor.hasRole(Role::Reviewer))
        return u"只有录入员和审核员可以登记产权交易"_s;
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该村不在您的管辖范围内"_s;
    return std::nullopt;
}

std::optional<FieldProblem> atVillage(const sync::Placement &placement)
{
    if (placement.orgLevel != OrgLevel::Village)
        return sync::RecordType::problem(QString(), u"产权交易记录放在出让方所在的村（社区）下"_s);
    return std::nullopt;
}

// The listing's figures the server derives from its steps.
const QStringList &derivedNames()
{
    static const QStringList names{u"state"_s,      u"noticeFrom"_s,   u"noticeTo"_s,   u"noticeRound"_s,
                                   u"qualified"_s,  u"bids"_s,         u"highBid"_s,    u"dealPrice"_s,
                                   u"winnerId"_s,   u"dealOn"_s,       u"resultFrom"_s, u"signedOn"_s,
                                   u"contractNo"_s, u"certificateNo"_s};
    return names;
}

} // namespace

TradingActor tradingActorOf(const Scope &scope)
{
    TradingActor a{scope.roles, sync::orgLevelOfPath(scope.orgPath), false};
    a.online = scope.userId.startsWith(QString::fromUtf16(kBidActorPrefix));
    return a;
}

QStringList rightKindPairs()
{
    return {u"land"_s,       u"土地经营权"_s,       u"wasteland"_s,  u"四荒地使用权"_s, u"water"_s,
            u"水面养殖权"_s, u"forest"_s,           u"林地经营权"_s, u"building"_s,     u"房屋租赁权"_s,
            u"facility"_s,   u"设施农用地使用权"_s, u"other"_s,      u"其他"_s};
}

// --- ListingType
// --------------------------------------------------------------------------------------------

QList<FieldSpec> ListingType::fields() const
{
    return {
        FieldSpec(u"listingNo"_s, FieldKind::Text, u"项目编号"_s).max(30).require().cacheOrder(),
        FieldSpec(u"assetId"_s, FieldKind::Reference, u"标的资产"_s)
            .references(QString::fromUtf16(collective::CollectiveAssetType::kName)),
        FieldSpec(u"resourceId"_s, FieldKind::Reference, u"标的资源"_s)
            .references(QString::fromUtf16(collective::CollectiveResourceType::kName)),
        FieldSpec(u"subject"_s, FieldKind::Text, u"标的说明"_s).max(100).require(),
        FieldSpec(u"rightKind"_s, FieldKind::Choice, u"权利类别"_s).options(rightKindPairs()).require(),
        FieldSpec(u"areaMu"_s, FieldKind::Number, u"面积（亩）"_s),
        FieldSpec(u"termYears"_s, FieldKind::Integer, u"流转年限"_s).require(),
        FieldSpec(u"reserve"_s, FieldKind::Money, u"底价（每年）"_s).require(),
        FieldSpec(u"startPrice"_s, FieldKind::Money, u"起拍价（每年）"_s).require(),
        FieldSpec(u"step"_s, FieldKind::Money, u"加价幅度"_s).require(),
        FieldSpec(u"deposit"_s, FieldKind::Money, u"保证金"_s),
        FieldSpec(u"qualifications"_s, FieldKind::Text, u"竞买人资格条件"_s).max(200),
        FieldSpec(u"decisionRef"_s, FieldKind::Text, u"民主决策文号"_s).max(40).require(),
        FieldSpec(u"decisionOn"_s, FieldKind::Date, u"决策日期"_s).require().pastOrToday(),
        FieldSpec(u"consentFor"_s, FieldKind::Integer, u"书面同意人数"_s),
        FieldSpec(u"consentTotal"_s, FieldKind::Integer, u"成员（代表）总数"_s),
        FieldSpec(u"centreLevel"_s, FieldKind::Choice, u"交易中心"_s)
            .options({u"town"_s, u"乡镇农村产权交易服务站"_s, u"county"_s, u"县农村产权交易中心"_s})
            .require(),
        FieldSpec(u"relistOf"_s, FieldKind::Reference, u"重新挂牌的原项目"_s).references(kListing),
        FieldSpec(u"documents"_s, FieldKind::Attachments, u"材料"_s).max(20),
        FieldSpec(u"steps"_s, FieldKind::StepList, u"交易进程"_s).max(200),
        FieldSpec(u"state"_s, FieldKind::Choice, u"状态"_s).options(listingStateChoicePairs()).derived(),
        FieldSpec(u"noticeFrom"_s, FieldKind::Date, u"公告开始"_s).derived(),
        FieldSpec(u"noticeTo"_s, FieldKind::Date, u"公告截止"_s).derived().cacheOrder(),
        FieldSpec(u"noticeRound"_s, FieldKind::Integer, u"公告次数"_s).derived(),
        FieldSpec(u"qualified"_s, FieldKind::Integer, u"合格竞买人"_s).derived(),
        FieldSpec(u"bids"_s, FieldKind::Integer, u"报价次数"_s).derived(),
        FieldSpec(u"highBid"_s, FieldKind::Money, u"最高报价"_s).derived(),
        FieldSpec(u"dealPrice"_s, FieldKind::Money, u"成交价（每年）"_s).derived(),
        FieldSpec(u"winnerId"_s, FieldKind::Reference, u"受让方"_s).references(kRegistration).derived(),
        FieldSpec(u"dealOn"_s, FieldKind::Date, u"成交日期"_s).derived(),
        FieldSpec(u"resultFrom"_s, FieldKind::Date, u"结果公示开始"_s).derived(),
        FieldSpec(u"signedOn"_s, FieldKind::Date, u"签约日期"_s).derived(),
        FieldSpec(u"contractNo"_s, FieldKind::Text, u"合同编号"_s).max(30).derived(),
        FieldSpec(u"certificateNo"_s, FieldKind::Text, u"鉴证书编号"_s).max(30).derived(),
    };
}

std::optional<QString> ListingType::writeDenied(const Scope &actor, const sync::Placement &placement) const
{
    return staffDenied(actor, placement);
}

ListingTerms ListingType::termsOf(const QJsonObject &f)
{
    return {fenOf(f, u"reserve"_s), fenOf(f, u"startPrice"_s), fenOf(f, u"step"_s)};
}

QString ListingType::contractIdFor(const QString &listingId)
{
    return sync::derivedRecordId(QString::fromUtf16(collective::CollectiveContractType::kName),
                                 u"deal|"_s + listingId);
}

std::optional<FieldProblem> ListingType::checkRules(const QString &recordId, const QJsonObject &f,
                                                    const sync::Placement &placement,
                                                    const sync::RuleContext &context) const
{
    if (auto p = atVillage(placement))
        return p;
    const ListingTerms terms = termsOf(f);
    if (terms.reserve <= 0 || terms.startPrice <= 0 || terms.step <= 0)
        return problem(u"reserve"_s, u"底价、起拍价和加价幅度都应大于 0"_s);
    const qint64 years = f.value(u"termYears"_s).toInteger();
    if (years < 1 || years > 30)
        return problem(u"termYears"_s, u"流转年限应在 1 到 30 年之间"_s);
    if (f.value(u"relistOf"_s).toString() == recordId && !recordId.isEmpty())
        return problem(u"relistOf"_s, u"不能重新挂牌自己"_s);
    const qint64 consentFor = f.value(u"consentFor"_s).toInteger();
    const qint64 consentTotal = f.value(u"consentTotal"_s).toInteger();
    if (consentFor < 0 || consentTotal < 0 || consentFor > consentTotal)
        return problem(u"consentFor"_s, u"同意人数应在 0 与总数之间"_s);
    // Letting land not yet contracted out needs the written consent of two thirds of the members or their
    // representatives (《农村土地承包法》第五十二条).
    if (context.lookup && !f.value(u"resourceId"_s).toString().isEmpty()) {
        const std::optional<sync::Record> r = context.lookup(f.value(u"resourceId"_s).toString());
        if (!r || r->deleted || r->orgUnitId != placement.orgUnitId)
            return problem(u"resourceId"_s, u"找不到本村的这项资源"_s);
        if (r->fields.value(u"state"_s).toString() == u"not-let"_s && consentFor * 3 < consentTotal * 2)
            return problem(u"consentFor"_s,
                           u"发包未承包到户的集体土地须经三分之二以上成员或成员代表书面同意"_s);
    }
    QJsonArray appended;
    if (auto p = sync::appendedSteps(f, u"steps"_s, context, &appended))
        return p;
    const QList<ListingStep> before =
        listingStepsFromJson(context.before ? context.before->value(u"steps"_s).toArray() : QJsonArray());
    if (context.before && replayListing(before, termsOf(*context.before)).noticeRound > 0) {
        for (const char16_t *name : {u"reserve", u"startPrice", u"step", u"termYears", u"areaMu", u"assetId",
                                     u"resourceId", u"rightKind", u"decisionRef"}) {
            const QString key = QString::fromUtf16(name);
            if (f.value(key) != context.before->value(key))
                return problem(key, u"“%1”在挂牌公告后不能修改"_s.arg(field(key)->displayName()),
                               u"FORBIDDEN"_s);
        }
    }
    const Scope none;
    const TradingActor actor = tradingActorOf(context.actor ? *context.actor : none);
    const OrgLevel centre = centreLevelOf(f.value(u"centreLevel"_s).toString());
    QList<ListingStep> history = before;
    for (const QJsonValue &value : std::as_const(appended)) {
        const auto step = ListingStep::fromJson(value.toObject());
        if (!step)
            return problem(u"steps"_s, u"交易进程的格式不正确"_s);
        if (const auto why =
                listingStepProblem(history, *step, actor, centre, terms, {context.today, context.calendar}))
            return problem(u"steps"_s, *why, u"FORBIDDEN"_s);
        if (!step->registrationId.isEmpty() && context.lookup) {
            const std::optional<sync::Record> reg = context.lookup(step->registrationId);
            if (!reg || reg->deleted || reg->type != kRegistration ||
                reg->fields.value(u"listingId"_s).toString() != recordId)
                return problem(u"steps"_s, u"找不到该项目的这个竞买人"_s);
            if (!reg->fields.value(u"qualified"_s).toBool())
                return problem(u"steps"_s, u"该竞买人未通过资格审查"_s, u"FORBIDDEN"_s);
        }
        history.append(*step);
    }
    return std::nullopt;
}

void ListingType::derive(QJsonObject &f, const sync::RuleContext &context) const
{
    sync::stampAppendedSteps(f, u"steps"_s, context);
    // A bid carries the server's time: it decides the order.
    const qsizetype known = context.before ? context.before->value(u"steps"_s).toArray().size() : 0;
    QJsonArray steps = f.value(u"steps"_s).toArray();
    for (qsizetype i = known; i < steps.size(); ++i) {
        QJsonObject s = steps.at(i).toObject();
        if (s.value(u"action"_s).toString() == listingActionName(ListingAction::Bid)) {
            s.insert(u"at"_s, context.nowMs);
            steps[i] = s;
        }
    }
    if (!steps.isEmpty())
        f.insert(u"steps"_s, steps);
    for (const QString &name : derivedNames())
        f.remove(name);
    const ListingHandling h = replayListing(listingStepsFromJson(steps), termsOf(f));
    f.insert(u"state"_s, listingStateName(h.state));
    setDate(f, u"noticeFrom"_s, h.noticeFrom);
    setDate(f, u"noticeTo"_s, h.noticeTo);
    f.insert(u"noticeRound"_s, h.noticeRound);
    f.insert(u"qualified"_s, h.qualified);
    f.insert(u"bids"_s, h.bids);
    if (h.bids > 0)
        f.insert(u"highBid"_s, h.highBid);
    if (!h.winnerRegistration.isEmpty()) {
        f.insert(u"dealPrice"_s, h.dealPrice);
        f.insert(u"winnerId"_s, h.winnerRegistration);
    }
    setDate(f, u"dealOn"_s, h.dealOn);
    setDate(f, u"resultFrom"_s, h.resultFrom);
    setDate(f, u"signedOn"_s, h.signedOn);
    if (!h.contractNo.isEmpty())
        f.insert(u"contractNo"_s, h.contractNo);
    if (!h.certificateNo.isEmpty())
        f.insert(u"certificateNo"_s, h.certificateNo);
}

QList<sync::Consequence> ListingType::consequences(const QString &recordId, const QJsonObject &f,
                                                   const sync::Placement &placement,
                                                   const sync::RuleContext &context) const
{
    // Signed now, of a 三资 asset or resource: the village's contract, referring to the deal, for the town's
    // review (collective::CollectiveContractType).
    const QString was = context.before ? context.before->value(u"state"_s).toString() : QString();
    if (f.value(u"state"_s).toString() != listingStateName(ListingState::Signed) ||
        was == f.value(u"state"_s).toString())
        return {};
    const bool asset = !f.value(u"assetId"_s).toString().isEmpty();
    if (!asset && f.value(u"resourceId"_s).toString().isEmpty())
        return {};
    const std::optional<sync::Record> winner =
        context.lookup ? context.lookup(f.value(u"winnerId"_s).toString()) : std::nullopt;
    if (!winner)
        return {};
    const QDate start = dateOf(f, u"signedOn"_s);
    const int years = int(f.value(u"termYears"_s).toInteger());
    const double area = f.value(u"areaMu"_s).toDouble();
    const Fen price = fenOf(f, u"dealPrice"_s);
    QJsonObject c{{u"contractNo"_s, f.value(u"contractNo"_s)},
                  {u"kind"_s, asset ? u"lease"_s : u"contracting-out"_s},
                  {asset ? u"assetId"_s : u"resourceId"_s, f.value(asset ? u"assetId"_s : u"resourceId"_s)},
                  {u"counterpartyName"_s, winner->fields.value(u"bidderName"_s)},
                  {u"counterpartyId"_s, winner->fields.value(u"bidderId"_s)},
                  {u"startOn"_s, start.toString(Qt::ISODate)},
                  {u"endOn"_s, start.addYears(years).addDays(-1).toString(Qt::ISODate)},
                  {u"decisionRef"_s, f.value(u"decisionRef"_s)},
                  {u"decisionOn"_s, f.value(u"decisionOn"_s)},
                  {u"dealNo"_s, f.value(u"listingNo"_s)},
                  {u"dealOn"_s, f.value(u"dealOn"_s)},
                  {u"state"_s, u"review"_s}};
    if (area > 0) {
        c.insert(u"areaMu"_s, area);
        c.insert(u"pricePerMu"_s, double(qRound64(double(price) / area)));
    } else {
        c.insert(u"yearlyRent"_s, double(price));
    }
    if (f.contains(u"deposit"_s))
        c.insert(u"deposit"_s, f.value(u"deposit"_s));
    sync::Consequence contract;
    contract.type = QString::fromUtf16(collective::CollectiveContractType::kName);
    contract.recordId = contractIdFor(recordId);
    contract.orgUnitId = placement.orgUnitId;
    contract.fields = c;
    contract.createOnly = true;
    return {contract};
}

std::optional<FieldProblem> ListingType::deleteProblem(const QString &, const QJsonObject &f,
                                                       const sync::RuleContext &) const
{
    if (!f.value(u"steps"_s).toArray().isEmpty())
        return problem(QString(), u"已开始办理的挂牌项目不能删除；不再进行的请终止"_s, u"FORBIDDEN"_s);
    return std::nullopt;
}

// --- RegistrationType
// ---------------------------------------------------------------------------------------

QList<FieldSpec> RegistrationType::fields() const
{
    return {
        FieldSpec(u"listingId"_s, FieldKind::Reference, u"挂牌项目"_s)
            .references(kListing)
            .require()
            .cacheLookup(),
        FieldSpec(u"bidderName"_s, FieldKind::Text, u"竞买人"_s).max(40).require().cacheOrder(),
        FieldSpec(u"bidderId"_s, FieldKind::IdNumber, u"竞买人身份证号"_s).require().personalData(),
        FieldSpec(u"phone"_s, FieldKind::Mobile, u"手机"_s).personalData(),
        FieldSpec(u"depositPaid"_s, FieldKind::Money, u"已交保证金"_s),
        FieldSpec(u"depositPaidOn"_s, FieldKind::Date, u"交纳日期"_s).pastOrToday(),
        FieldSpec(u"qualified"_s, FieldKind::Boolean, u"资格审查通过"_s),
        FieldSpec(u"refundedOn"_s, FieldKind::Date, u"保证金退还日期"_s).pastOrToday(),
        FieldSpec(u"refundAmount"_s, FieldKind::Money, u"退还金额"_s),
        FieldSpec(u"depositToPayment"_s, FieldKind::Boolean, u"保证金转作价款"_s),
    };
}

std::optional<QString> RegistrationType::writeDenied(const Scope &actor,
                                                     const sync::Placement &placement) const
{
    return staffDenied(actor, placement);
}

QString RegistrationType::recordIdFor(const QString &listingId, const QString &bidderIdNumber)
{
    return sync::derivedRecordId(QString::fromUtf16(kName), listingId + u'|' + bidderIdNumber.toUpper());
}

std::optional<FieldProblem> RegistrationType::checkRules(const QString &recordId, const QJsonObject &f,
                                                         const sync::Placement &placement,
                                                         const sync::RuleContext &context) const
{
    if (auto p = atVillage(placement))
        return p;
    const QString listingId = f.value(u"listingId"_s).toString();
    if (recordId != recordIdFor(listingId, f.value(u"bidderId"_s).toString()))
        return problem(u"bidderId"_s, u"同一竞买人对同一项目只报名一次"_s);
    if (context.before && (f.value(u"listingId"_s) != context.before->value(u"listingId"_s) ||
                           f.value(u"bidderId"_s) != context.before->value(u"bidderId"_s)))
        return problem(u"bidderId"_s, u"报名的项目和竞买人不能修改"_s, u"FORBIDDEN"_s);
    if (fenOf(f, u"depositPaid"_s) < 0 || fenOf(f, u"refundAmount"_s) < 0)
        return problem(u"depositPaid"_s, u"金额不能为负数"_s);
    if (fenOf(f, u"refundAmount"_s) > fenOf(f, u"depositPaid"_s))
        return problem(u"refundAmount"_s, u"退还金额不能超过已交保证金"_s);
    const QDate refunded = dateOf(f, u"refundedOn"_s);
    if (refunded.isValid() && refunded < dateOf(f, u"depositPaidOn"_s))
        return problem(u"refundedOn"_s, u"退还日期早于交纳日期"_s);
    if (!context.lookup)
        return std::nullopt;
    const std::optional<sync::Record> listing = context.lookup(listingId);
    if (!listing || listing->deleted || listing->type != kListing ||
        listing->orgUnitId != placement.orgUnitId)
        return problem(u"listingId"_s, u"找不到本村的这个挂牌项目"_s);
    if (!context.before &&
        listing->fields.value(u"state"_s).toString() != listingStateName(ListingState::Noticed))
        return problem(u"listingId"_s, u"只能在挂牌公告期间报名"_s);
    return std::nullopt;
}

std::optional<FieldProblem> RegistrationType::deleteProblem(const QString &, const QJsonObject &f,
                                                            const sync::RuleContext &) const
{
    if (fenOf(f, u"depositPaid"_s) > 0)
        return problem(QString(), u"已交保证金的报名不能删除"_s, u"FORBIDDEN"_s);
    return std::nullopt;
}

} // namespace sunshine::trading
