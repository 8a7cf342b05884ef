#include "common/card/CardTypes.h"

#include "common/auth/ServerActor.h"
#include "common/sync/StepHistory.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::card {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

namespace {

const QString kCard = QString::fromUtf16(VillageCardType::kName);
const QString kRequest = QString::fromUtf16(SpendRequestType::kName);
const QString kClaim = QString::fromUtf16(CardClaimType::kName);

// Clerks and reviewers enter the card's records for the villages in their area (the town 农经站 keeps their
// books); leaders and supervisors read them.
std::optional<QString> entryDenied(const Scope &actor, const sync::Placement &placement)
{
    if (isServerActor(actor))
        return std::nullopt;
    if (!actor.hasRole(Role::Clerk) && !actor.hasRole(Role::Reviewer))
        return u"只有录入员和审核员可以登记村务卡的记录"_s;
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该村不在您的管辖范围内"_s;
    return std::nullopt;
}

std::optional<FieldProblem> atVillage(const sync::Placement &placement)
{
    if (placement.orgLevel != OrgLevel::Village)
        return sync::RecordType::problem(QString(), u"村务卡的记录应放在所属的村（社区）下"_s);
    return std::nullopt;
}

// The card a record refers to, when the server can look it up: it must be a card of the same village.
std::optional<FieldProblem> cardProblem(const QJsonObject &f, const sync::Placement &placement,
                                        const sync::RuleContext &context, std::optional<sync::Record> *card)
{
    if (!context.lookup)
        return std::nullopt;
    const std::optional<sync::Record> found = context.lookup(f.value(u"cardId"_s).toString());
    if (!found || found->deleted || found->type != kCard)
        return sync::RecordType::problem(u"cardId"_s, u"找不到所选的村务卡"_s);
    if (found->orgUnitId != placement.orgUnitId)
        return sync::RecordType::problem(u"cardId"_s, u"所选的村务卡不是本村的"_s);
    if (card)
        *card = found;
    return std::nullopt;
}

// Fields fixed once something was done with the record.
std::optional<FieldProblem> unchanged(const QJsonObject &f, const QJsonObject &before,
                                      const QStringList &names, const sync::RecordType &type,
                                      const QString &why)
{
    for (const QString &name : names) {
        if (f.value(name) != before.value(name))
            return sync::RecordType::problem(name, u"“%1”%2"_s.arg(type.field(name)->displayName(), why),
                                             u"FORBIDDEN"_s);
    }
    return std::nullopt;
}

// A claim whose transactions may still change: not yet checked, or returned.
bool claimOpen(const QJsonObject &claim)
{
    const QString state = claim.value(u"state"_s).toString();
    return state.isEmpty() || state == claimStateName(ClaimState::Submitted) ||
           state == claimStateName(ClaimState::Returned);
}

bool isDigits(const QString &s, int n)
{
    if (s.size() != n)
        return false;
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

QStringList spendCategoryPairs()
{
    return {u"office"_s,   u"办公用品"_s, u"hospitality"_s, u"公务接待"_s, u"utilities"_s,
            u"水电费"_s,   u"post"_s,     u"邮电通讯"_s,    u"travel"_s,   u"差旅培训"_s,
            u"printing"_s, u"印刷资料"_s, u"other"_s,       u"其他"_s};
}

CardActor cardActorOf(const Scope &scope)
{
    return {scope.roles, sync::orgLevelOfPath(scope.orgPath)};
}

// --- VillageCardType ---------------------------------------------------------------------------------------

QList<FieldSpec> VillageCardType::fields() const
{
    return {
        FieldSpec(u"holderName"_s, FieldKind::Text, u"持卡人"_s).max(20).require().cacheOrder(),
        FieldSpec(u"holderId"_s, FieldKind::IdNumber, u"持卡人身份证号"_s).require().personalData(),
        FieldSpec(u"holderRole"_s, FieldKind::Choice, u"持卡人职务"_s)
            .options({u"secretary"_s, u"书记"_s, u"director"_s, u"主任"_s, u"bookkeeper"_s, u"记账员"_s})
            .require(),
        FieldSpec(u"bank"_s, FieldKind::Text, u"开户银行"_s).max(40).require(),
        FieldSpec(u"last4"_s, FieldKind::Text, u"卡号后四位"_s).max(4).require(),
        FieldSpec(u"kind"_s, FieldKind::Choice, u"卡类型"_s)
            .options({u"debit"_s, u"借记卡"_s, u"credit"_s, u"公务卡（贷记卡）"_s})
            .require(),
        FieldSpec(u"monthLimit"_s, FieldKind::Money, u"月度限额"_s).require(),
        FieldSpec(u"repaymentDay"_s, FieldKind::Integer, u"还款日（每月）"_s).require(),
        FieldSpec(u"fundingAccount"_s, FieldKind::Text, u"备用金拨付账户"_s).max(60).require(),
        FieldSpec(u"state"_s, FieldKind::Choice, u"状态"_s)
            .options({u"applied"_s, u"申领"_s, u"active"_s, u"启用"_s, u"frozen"_s, u"冻结"_s, u"lost"_s,
                      u"挂失"_s, u"cancelled"_s, u"注销"_s})
            .require(),
        FieldSpec(u"issuedOn"_s, FieldKind::Date, u"启用日期"_s).pastOrToday(),
        FieldSpec(u"note"_s, FieldKind::Text, u"备注"_s).max(200),
    };
}

std::optional<QString> VillageCardType::writeDenied(const Scope &actor,
                                                    const sync::Placement &placement) const
{
    return entryDenied(actor, placement);
}

QList<QPair<QString, QString>> VillageCardType::uniqueKeys(const QJsonObject &f) const
{
    if (f.value(u"state"_s).toString() != u"active"_s)
        return {};
    return {{u"card-holder:"_s + f.value(u"holderId"_s).toString().toUpper(), u"holderId"_s}};
}

bool VillageCardType::canMove(const QString &from, const QString &to)
{
    if (from == to)
        return true;
    static const QHash<QString, QStringList> moves{
        {u"applied"_s, {u"active"_s, u"cancelled"_s}},
        {u"active"_s, {u"frozen"_s, u"lost"_s, u"cancelled"_s}},
        {u"frozen"_s, {u"active"_s, u"cancelled"_s}},
        {u"lost"_s, {u"cancelled"_s}},
    };
    return moves.value(from).contains(to);
}

std::optional<FieldProblem> VillageCardType::checkRules(const QString &, const QJsonObject &f,
                                                        const sync::Placement &placement,
                                                        const sync::RuleContext &context) const
{
    if (auto p = atVillage(placement))
        return p;
    if (!isDigits(f.value(u"last4"_s).toString(), 4))
        return problem(u"last4"_s, u"只登记卡号的后四位数字"_s);
    const qint64 day = f.value(u"repaymentDay"_s).toInteger();
    if (day < 1 || day > 28)
        return problem(u"repaymentDay"_s, u"还款日应为每月 1 至 28 日"_s);
    if (fenOf(f, u"monthLimit"_s) <= 0)
        return problem(u"monthLimit"_s, u"月度限额应大于 0"_s);
    const QString state = f.value(u"state"_s).toString();
    if (!context.before) {
        if (state != u"applied"_s && state != u"active"_s)
            return problem(u"state"_s, u"新登记的村务卡应为“申领”或“启用”"_s);
    } else {
        const QString was = context.before->value(u"state"_s).toString();
        if (!canMove(was, state))
            return problem(u"state"_s,
                           u"村务卡不能从“%1”改为“%2”"_s.arg(field(u"state"_s)->choiceLabel(was),
                                                             field(u"state"_s)->choiceLabel(state)),
                           u"FORBIDDEN"_s);
        if (auto p = unchanged(f, *context.before, {u"holderId"_s, u"last4"_s, u"bank"_s}, *this,
                               u"登记后不能修改；换卡请注销后重新登记"_s))
            return p;
        // The account that refills the card decides what is private money: fixed once the card is used.
        if (was != u"applied"_s) {
            if (auto p = unchanged(f, *context.before, {u"fundingAccount"_s}, *this, u"启用后不能修改"_s))
                return p;
        }
    }
    if (state == u"active"_s && !dateOf(f, u"issuedOn"_s).isValid())
        return problem(u"issuedOn"_s, u"启用的村务卡请填写启用日期"_s);
    return std::nullopt;
}

std::optional<FieldProblem> VillageCardType::deleteProblem(const QString &, const QJsonObject &,
                                                           const sync::RuleContext &) const
{
    return problem(QString(), u"村务卡不能删除；不再使用的请注销"_s, u"FORBIDDEN"_s);
}

// --- CardTierSettingType -----------------------------------------------------------------------------------

QList<FieldSpec> CardTierSettingType::fields() const
{
    return {
        FieldSpec(u"directorMax"_s, FieldKind::Money, u"村主任审批上限"_s).require(),
        FieldSpec(u"committeesMax"_s, FieldKind::Money, u"村两委审批上限"_s).require(),
        FieldSpec(u"note"_s, FieldKind::Text, u"依据"_s).max(200),
    };
}

std::optional<QString> CardTierSettingType::writeDenied(const Scope &actor,
                                                        const sync::Placement &placement) const
{
    if (isServerActor(actor))
        return std::nullopt;
    if (!actor.hasRole(Role::Reviewer) && !actor.hasRole(Role::Admin))
        return u"村务卡审批权限由县（市、区）的审核员或管理员设置"_s;
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该县（市、区）不在您的管辖范围内"_s;
    return std::nullopt;
}

QString CardTierSettingType::recordIdFor(const QString &countyId)
{
    return sync::derivedRecordId(QString::fromUtf16(kName), countyId);
}

CardTiers CardTierSettingType::tiersOf(const QJsonObject &f)
{
    CardTiers t;
    if (fenOf(f, u"directorMax"_s) > 0)
        t.directorMax = fenOf(f, u"directorMax"_s);
    if (fenOf(f, u"committeesMax"_s) > 0)
        t.committeesMax = fenOf(f, u"committeesMax"_s);
    return t;
}

QString CardTierSettingType::countyOf(const QString &orgPath)
{
    const QStringList units = orgPath.split(u'/', Qt::SkipEmptyParts);
    return units.size() >= 2 ? units.at(1) : QString();
}

CardTiers CardTierSettingType::tiersAt(const QString &orgPath, const sync::RuleContext &context)
{
    const QString county = countyOf(orgPath);
    if (!context.lookup || county.isEmpty())
        return {};
    const std::optional<sync::Record> r = context.lookup(recordIdFor(county));
    if (!r || r->deleted || r->type != QString::fromUtf16(kName))
        return {};
    return tiersOf(r->fields);
}

std::optional<FieldProblem> CardTierSettingType::checkRules(const QString &recordId, const QJsonObject &f,
                                                            const sync::Placement &placement,
                                                            const sync::RuleContext &) const
{
    if (placement.orgLevel != OrgLevel::County)
        return problem(QString(), u"村务卡审批权限按县（市、区）设置，请放在县（市、区）下"_s);
    if (recordId != recordIdFor(placement.orgUnitId))
        return problem(QString(), u"每个县（市、区）只有一份村务卡审批权限"_s);
    const Fen director = fenOf(f, u"directorMax"_s);
    const Fen committees = fenOf(f, u"committeesMax"_s);
    if (director <= 0)
        return problem(u"directorMax"_s, u"村主任审批上限应大于 0"_s);
    if (committees <= director)
        return problem(u"committeesMax"_s, u"村两委审批上限应高于村主任审批上限"_s);
    return std::nullopt;
}

// --- SpendRequestType --------------------------------------------------------------------------------------

QList<FieldSpec> SpendRequestType::fields() const
{
    return {
        FieldSpec(u"cardId"_s, FieldKind::Reference, u"村务卡"_s).references(kCard).require().cacheLookup(),
        FieldSpec(u"purpose"_s, FieldKind::Text, u"事由"_s).max(100).require(),
        FieldSpec(u"category"_s, FieldKind::Choice, u"支出类别"_s).options(spendCategoryPairs()).require(),
        FieldSpec(u"estimate"_s, FieldKind::Money, u"预计金额"_s).require(),
        FieldSpec(u"plannedOn"_s, FieldKind::Date, u"预计支出日期"_s).require().cacheOrder(),
        FieldSpec(u"minutes"_s, FieldKind::Attachments, u"审批材料"_s).max(10),
        FieldSpec(u"steps"_s, FieldKind::StepList, u"审批记录"_s).max(10),
        FieldSpec(u"state"_s, FieldKind::Choice, u"审批状态"_s).options(requestStateChoicePairs()).derived(),
        FieldSpec(u"approvedBody"_s, FieldKind::Text, u"审批机构"_s).max(20).derived(),
        FieldSpec(u"approvedOn"_s, FieldKind::Date, u"批准日期"_s).derived(),
    };
}

std::optional<QString> SpendRequestType::writeDenied(const Scope &actor,
                                                     const sync::Placement &placement) const
{
    return entryDenied(actor, placement);
}

std::optional<FieldProblem> SpendRequestType::checkRules(const QString &, const QJsonObject &f,
                                                         const sync::Placement &placement,
                                                         const sync::RuleContext &context) const
{
    if (auto p = atVillage(placement))
        return p;
    const Fen estimate = fenOf(f, u"estimate"_s);
    if (estimate <= 0)
        return problem(u"estimate"_s, u"预计金额应大于 0"_s);
    std::optional<sync::Record> card;
    if (auto p = cardProblem(f, placement, context, &card))
        return p;
    if (!context.before && card && card->fields.value(u"state"_s).toString() != u"active"_s)
        return problem(u"cardId"_s, u"只有启用的村务卡可以报备用卡"_s);
    QJsonArray appended;
    if (auto p = sync::appendedSteps(f, u"steps"_s, context, &appended))
        return p;
    if (context.before && !context.before->value(u"steps"_s).toArray().isEmpty()) {
        if (auto p = unchanged(f, *context.before,
                               {u"cardId"_s, u"purpose"_s, u"category"_s, u"estimate"_s, u"plannedOn"_s},
                               *this, u"审批后不能修改"_s))
            return p;
    }
    if (appended.isEmpty())
        return std::nullopt;
    const Scope none;
    const CardActor actor = cardActorOf(context.actor ? *context.actor : none);
    const CardTiers tiers = CardTierSettingType::tiersAt(placement.orgPath, context);
    QList<RequestStep> history =
        requestStepsFromJson(context.before ? context.before->value(u"steps"_s).toArray() : QJsonArray());
    for (const QJsonValue &value : std::as_const(appended)) {
        const auto step = RequestStep::fromJson(value.toObject());
        if (!step)
            return problem(u"steps"_s, u"审批记录格式不正确"_s);
        if (const auto why = requestStepProblem(history, *step, actor, estimate, tiers))
            return problem(u"steps"_s, *why, u"FORBIDDEN"_s);
        history.append(*step);
    }
    return std::nullopt;
}

void SpendRequestType::derive(QJsonObject &fields, const sync::RuleContext &context) const
{
    sync::stampAppendedSteps(fields, u"steps"_s, context);
    for (const char16_t *name : {u"state", u"approvedBody", u"approvedOn"})
        fields.remove(QString::fromUtf16(name));
    const RequestHandling h = replayRequest(requestStepsFromJson(fields.value(u"steps"_s).toArray()));
    fields.insert(u"state"_s, requestStateName(h.state));
    if (!h.body.isEmpty())
        fields.insert(u"approvedBody"_s, h.body);
    setDate(fields, u"approvedOn"_s, h.approvedOn);
}

std::optional<FieldProblem> SpendRequestType::deleteProblem(const QString &, const QJsonObject &f,
                                                            const sync::RuleContext &) const
{
    if (!f.value(u"steps"_s).toArray().isEmpty())
        return problem(QString(), u"已审批的报备不能删除"_s, u"FORBIDDEN"_s);
    return std::nullopt;
}

// --- CardTransactionType -----------------------------------------------------------------------------------

QList<FieldSpec> CardTransactionType::fields() const
{
    QStringList kinds;
    for (TxnKind k : {TxnKind::Purchase, TxnKind::Cash, TxnKind::TransferOut, TxnKind::TransferIn,
                      TxnKind::Refund, TxnKind::Repayment})
        kinds << txnKindName(k) << txnKindChinese(k);
    return {
        FieldSpec(u"cardId"_s, FieldKind::Reference, u"村务卡"_s).references(kCard).require().cacheLookup(),
        FieldSpec(u"on"_s, FieldKind::Date, u"交易日期"_s).require().pastOrToday().cacheOrder(),
        FieldSpec(u"at"_s, FieldKind::Text, u"交易时间"_s).max(8),
        FieldSpec(u"kind"_s, FieldKind::Choice, u"交易类型"_s).options(kinds).require(),
        FieldSpec(u"amount"_s, FieldKind::Money, u"金额"_s).require(),
        FieldSpec(u"merchant"_s, FieldKind::Text, u"商户"_s).max(60),
        FieldSpec(u"mcc"_s, FieldKind::Text, u"商户类别码"_s).max(4),
        FieldSpec(u"channel"_s, FieldKind::Choice, u"渠道"_s)
            .options({u"pos"_s, u"POS"_s, u"qr"_s, u"扫码"_s, u"atm"_s, u"ATM"_s, u"online"_s, u"网上"_s,
                      u"counter"_s, u"柜面"_s}),
        FieldSpec(u"counterparty"_s, FieldKind::Text, u"对方户名"_s).max(60),
        FieldSpec(u"bankRef"_s, FieldKind::Text, u"银行流水号"_s).max(40).require(),
        FieldSpec(u"requestId"_s, FieldKind::Reference, u"对应报备"_s).references(kRequest).cacheLookup(),
        FieldSpec(u"claimId"_s, FieldKind::Reference, u"对应报账"_s).references(kClaim).cacheLookup(),
        FieldSpec(u"note"_s, FieldKind::Text, u"备注"_s).max(200),
    };
}

std::optional<QString> CardTransactionType::writeDenied(const Scope &actor,
                                                        const sync::Placement &placement) const
{
    return entryDenied(actor, placement);
}

QString CardTransactionType::recordIdFor(const QString &cardId, const QString &bankRef)
{
    return sync::derivedRecordId(QString::fromUtf16(kName), cardId + u'|' + bankRef.trimmed());
}

namespace {

// "2026-11-03" and "14:22:05" read without the general parsers (the rules read every line of a card).
int digits(QStringView s, qsizetype from, qsizetype n)
{
    int v = 0;
    for (qsizetype i = from; i < from + n; ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        v = v * 10 + (c - u'0');
    }
    return v;
}

QDate isoDate(QStringView s)
{
    if (s.size() != 10 || s.at(4) != u'-' || s.at(7) != u'-')
        return {};
    return QDate(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
}

QTime clockTime(QStringView s)
{
    if ((s.size() != 5 && s.size() != 8) || s.at(2) != u':' || (s.size() == 8 && s.at(5) != u':'))
        return QTime(0, 0);
    const QTime t(digits(s, 0, 2), digits(s, 3, 2), s.size() == 8 ? digits(s, 6, 2) : 0);
    return t.isValid() ? t : QTime(0, 0);
}

} // namespace

CardTxn CardTransactionType::txnOf(const QString &id, const QJsonObject &f)
{
    CardTxn t;
    t.id = id;
    t.cardId = f.value(u"cardId"_s).toString();
    const QDate on = isoDate(f.value(u"on"_s).toString());
    // Kept without a zone (as UTC): the bank's China time as it is, compared without time-zone look-ups.
    const QString at = f.value(u"at"_s).toString();
    t.at = on.isValid() ? QDateTime(on, clockTime(at), Qt::UTC) : QDateTime();
    t.timeKnown = !at.isEmpty();
    t.kind = txnKindFromName(f.value(u"kind"_s).toString()).value_or(TxnKind::Purchase);
    t.amount = fenOf(f, u"amount"_s);
    t.merchant = f.value(u"merchant"_s).toString();
    t.mcc = f.value(u"mcc"_s).toString();
    t.channel = f.value(u"channel"_s).toString();
    t.counterparty = f.value(u"counterparty"_s).toString();
    t.requestId = f.value(u"requestId"_s).toString();
    t.claimId = f.value(u"claimId"_s).toString();
    return t;
}

std::optional<FieldProblem> CardTransactionType::checkRules(const QString &recordId, const QJsonObject &f,
                                                            const sync::Placement &placement,
                                                            const sync::RuleContext &context) const
{
    if (auto p = atVillage(placement))
        return p;
    if (recordId != recordIdFor(f.value(u"cardId"_s).toString(), f.value(u"bankRef"_s).toString()))
        return problem(u"bankRef"_s, u"交易记录的编号应由村务卡和银行流水号确定（同一笔流水只登记一次）"_s);
    if (fenOf(f, u"amount"_s) <= 0)
        return problem(u"amount"_s, u"交易金额应大于 0（收支方向由交易类型表示）"_s);
    const QString at = f.value(u"at"_s).toString();
    static const QRegularExpression hhmm(u"^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?$"_s);
    if (!at.isEmpty() && !hhmm.match(at).hasMatch())
        return problem(u"at"_s, u"交易时间应写作 14:05 或 14:05:30"_s);
    const QString mcc = f.value(u"mcc"_s).toString();
    if (!mcc.isEmpty() && !isDigits(mcc, 4))
        return problem(u"mcc"_s, u"商户类别码（MCC）应为 4 位数字"_s);
    if (context.before) {
        if (auto p = unchanged(f, *context.before,
                               {u"cardId"_s, u"on"_s, u"at"_s, u"kind"_s, u"amount"_s, u"merchant"_s,
                                u"mcc"_s, u"channel"_s, u"counterparty"_s, u"bankRef"_s},
                               *this, u"来自银行流水，不能修改"_s))
            return p;
    }
    std::optional<sync::Record> card;
    if (auto p = cardProblem(f, placement, context, &card))
        return p;
    const TxnKind kind = txnKindFromName(f.value(u"kind"_s).toString()).value_or(TxnKind::Purchase);
    const QString requestId = f.value(u"requestId"_s).toString();
    const bool requestChanged =
        !context.before || context.before->value(u"requestId"_s) != f.value(u"requestId"_s);
    if (!requestId.isEmpty() && requestChanged) {
        if (kind != TxnKind::Purchase)
            return problem(u"requestId"_s, u"只有消费需要对应报备"_s);
        if (context.lookup) {
            const std::optional<sync::Record> r = context.lookup(requestId);
            if (!r || r->deleted || r->type != kRequest ||
                r->fields.value(u"cardId"_s) != f.value(u"cardId"_s))
                return problem(u"requestId"_s, u"对应的报备应是同一张村务卡的报备"_s);
            if (r->fields.value(u"state"_s).toString() != requestStateName(RequestState::Approved))
                return problem(u"requestId"_s, u"对应的报备尚未批准"_s);
            if (fenOf(r->fields, u"estimate"_s) < fenOf(f, u"amount"_s))
                return problem(u"requestId"_s, u"消费金额超过对应报备的批准金额"_s);
        }
    }
    const QString claimId = f.value(u"claimId"_s).toString();
    const bool claimChanged = !context.before || context.before->value(u"claimId"_s) != f.value(u"claimId"_s);
    if (claimChanged && context.lookup) {
        // A claim once booked keeps what it covers.
        const QString wasClaim = context.before ? context.before->value(u"claimId"_s).toString() : QString();
        if (!wasClaim.isEmpty()) {
            const std::optional<sync::Record> was = context.lookup(wasClaim);
            if (was && !was->deleted && !claimOpen(was->fields))
                return problem(u"claimId"_s, u"该交易所在的报账已开始审核或已入账，不能改动"_s,
                               u"FORBIDDEN"_s);
        }
        if (!claimId.isEmpty()) {
            const std::optional<sync::Record> c = context.lookup(claimId);
            if (!c || c->deleted || c->type != kClaim || c->fields.value(u"cardId"_s) != f.value(u"cardId"_s))
                return problem(u"claimId"_s, u"对应的报账应是同一张村务卡的报账"_s);
            if (!claimOpen(c->fields))
                return problem(u"claimId"_s, u"该报账已开始审核或已入账，不能再加入交易"_s, u"FORBIDDEN"_s);
        }
    }
    if (!claimId.isEmpty() && !isOutflow(kind))
        return problem(u"claimId"_s, u"只有支出需要报账"_s);
    return std::nullopt;
}

std::optional<FieldProblem> CardTransactionType::deleteProblem(const QString &, const QJsonObject &,
                                                               const sync::RuleContext &) const
{
    return problem(QString(), u"银行流水不能删除"_s, u"FORBIDDEN"_s);
}

// --- CardClaimType -----------------------------------------------------------------------------------------

QList<FieldSpec> CardClaimType::fields() const
{
    return {
        FieldSpec(u"cardId"_s, FieldKind::Reference, u"村务卡"_s).references(kCard).require().cacheLookup(),
        FieldSpec(u"claimedOn"_s, FieldKind::Date, u"报账日期"_s).require().pastOrToday().cacheOrder(),
        FieldSpec(u"amount"_s, FieldKind::Money, u"报账金额"_s).require(),
        FieldSpec(u"purpose"_s, FieldKind::Text, u"摘要"_s).max(100).require(),
        FieldSpec(u"handler"_s, FieldKind::Text, u"经办人"_s).max(20).require(),
        FieldSpec(u"witness"_s, FieldKind::Text, u"证明人"_s).max(20).require(),
        FieldSpec(u"invoices"_s, FieldKind::Attachments, u"发票和小票"_s).max(20),
        FieldSpec(u"steps"_s, FieldKind::StepList, u"审核记录"_s).max(20),
        FieldSpec(u"state"_s, FieldKind::Choice, u"状态"_s).options(claimStateChoicePairs()).derived(),
        FieldSpec(u"voucherNo"_s, FieldKind::Text, u"凭证号"_s).max(30).derived(),
        FieldSpec(u"bookedOn"_s, FieldKind::Date, u"入账日期"_s).derived(),
    };
}

std::optional<QString> CardClaimType::writeDenied(const Scope &actor, const sync::Placement &placement) const
{
    return entryDenied(actor, placement);
}

std::optional<FieldProblem> CardClaimType::checkRules(const QString &, const QJsonObject &f,
                                                      const sync::Placement &placement,
                                                      const sync::RuleContext &context) const
{
    if (auto p = atVillage(placement))
        return p;
    if (fenOf(f, u"amount"_s) <= 0)
        return problem(u"amount"_s, u"报账金额应大于 0"_s);
    if (f.value(u"handler"_s).toString().trimmed() == f.value(u"witness"_s).toString().trimmed())
        return problem(u"witness"_s, u"证明人不能是经办人本人"_s);
    if (auto p = cardProblem(f, placement, context, nullptr))
        return p;
    QJsonArray appended;
    if (auto p = sync::appendedSteps(f, u"steps"_s, context, &appended))
        return p;
    const QList<ClaimStep> before =
        claimStepsFromJson(context.before ? context.before->value(u"steps"_s).toArray() : QJsonArray());
    const ClaimState was = replayClaim(before).state;
    if (context.before && was != ClaimState::Submitted && was != ClaimState::Returned) {
        if (auto p = unchanged(f, *context.before,
                               {u"cardId"_s, u"claimedOn"_s, u"amount"_s, u"handler"_s, u"witness"_s}, *this,
                               u"审核开始后不能修改；需要更正的请退回"_s))
            return p;
        for (const QJsonValue &file : context.before->value(u"invoices"_s).toArray()) {
            if (!f.value(u"invoices"_s).toArray().contains(file))
                return problem(u"invoices"_s, u"审核开始后不能删除发票和小票"_s, u"FORBIDDEN"_s);
        }
    }
    const Scope none;
    const CardActor actor = cardActorOf(context.actor ? *context.actor : none);
    QList<ClaimStep> history = before;
    for (const QJsonValue &value : std::as_const(appended)) {
        const auto step = ClaimStep::fromJson(value.toObject());
        if (!step)
            return problem(u"steps"_s, u"审核记录格式不正确"_s);
        if (const auto why = claimStepProblem(history, *step, actor))
            return problem(u"steps"_s, *why, u"FORBIDDEN"_s);
        history.append(*step);
    }
    return std::nullopt;
}

void CardClaimType::derive(QJsonObject &fields, const sync::RuleContext &context) const
{
    sync::stampAppendedSteps(fields, u"steps"_s, context);
    for (const char16_t *name : {u"state", u"voucherNo", u"bookedOn"})
        fields.remove(QString::fromUtf16(name));
    const ClaimHandling h = replayClaim(claimStepsFromJson(fields.value(u"steps"_s).toArray()));
    fields.insert(u"state"_s, claimStateName(h.state));
    if (!h.voucherNo.isEmpty())
        fields.insert(u"voucherNo"_s, h.voucherNo);
    setDate(fields, u"bookedOn"_s, h.bookedOn);
}

std::optional<FieldProblem> CardClaimType::deleteProblem(const QString &, const QJsonObject &f,
                                                         const sync::RuleContext &) const
{
    if (!f.value(u"steps"_s).toArray().isEmpty())
        return problem(QString(), u"已开始审核的报账不能删除；需要更正的请退回"_s, u"FORBIDDEN"_s);
    return std::nullopt;
}

} // namespace sunshine::card
