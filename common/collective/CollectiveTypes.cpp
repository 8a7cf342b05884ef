#include "common/collective/CollectiveTypes.h"

#include "common/auth/ServerActor.h"

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::collective {

using sync::FieldKind;
using sync::FieldProblem;
using sync::FieldSpec;

namespace {

const QString kAsset = QString::fromUtf16(CollectiveAssetType::kName);
const QString kResource = QString::fromUtf16(CollectiveResourceType::kName);
const QString kContract = QString::fromUtf16(CollectiveContractType::kName);
const QString kInstalment = QString::fromUtf16(InstalmentType::kName);

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

} // namespace

QStringList assetCategoryPairs()
{
    return {u"building"_s,        u"房屋建筑物"_s, u"machinery"_s,    u"机械设备"_s,
            u"vehicle"_s,         u"车辆"_s,       u"water-works"_s,  u"农田水利"_s,
            u"public-facility"_s, u"公益设施"_s,   u"relief-asset"_s, u"扶贫资产"_s,
            u"other"_s,           u"其他"_s};
}

QStringList resourceKindPairs()
{
    return {u"land"_s,
            u"耕地"_s,
            u"forest"_s,
            u"林地"_s,
            u"orchard"_s,
            u"园地"_s,
            u"water"_s,
            u"水面"_s,
            u"tidal-flat"_s,
            u"滩涂"_s,
            u"wasteland"_s,
            u"四荒地"_s,
            u"construction-land"_s,
            u"集体建设用地"_s};
}

QStringList contractStatePairs()
{
    return {u"draft"_s,  u"草拟"_s,    u"review"_s, u"审核中"_s, u"signed"_s, u"已签订"_s,  u"running"_s,
            u"履行中"_s, u"expired"_s, u"到期"_s,   u"ended"_s,  u"终止"_s,   u"renewed"_s, u"续签"_s};
}

// --- BookRecordType
// -----------------------------------------------------------------------------------------

std::optional<QString> BookRecordType::writeDenied(const Scope &actor, const sync::Placement &placement) const
{
    if (isServerActor(actor))
        return std::nullopt;
    if (!actor.hasRole(Role::Clerk) && !actor.hasRole(Role::Reviewer))
        return u"只有录入员和审核员可以登记集体三资的账目"_s;
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该单位不在您的管辖范围内"_s;
    return std::nullopt;
}

std::optional<FieldProblem> BookRecordType::atLevel(const sync::Placement &placement, OrgLevel level)
{
    if (placement.orgLevel == level)
        return std::nullopt;
    return problem(QString(), level == OrgLevel::Town ? u"租金指导价按乡镇（街道）设置，请放在乡镇下"_s
                                                      : u"集体三资的账目应放在所属的村（社区）下"_s);
}

std::optional<FieldProblem> BookRecordType::unchanged(const QJsonObject &f, const QJsonObject &before,
                                                      const QStringList &names, const QString &why) const
{
    for (const QString &name : names) {
        if (f.value(name) != before.value(name))
            return problem(name, u"“%1”%2"_s.arg(field(name)->displayName(), why), u"FORBIDDEN"_s);
    }
    return std::nullopt;
}

bool BookRecordType::byServer(const sync::RuleContext &context)
{
    return context.actor && isServerActor(*context.actor);
}

std::optional<FieldProblem> BookRecordType::sameVillage(const QString &field, const QString &type,
                                                        const QJsonObject &f,
                                                        const sync::Placement &placement,
                                                        const sync::RuleContext &context,
                                                        std::optional<sync::Record> *found)
{
    const QString id = f.value(field).toString();
    if (!context.lookup || id.isEmpty())
        return std::nullopt;
    std::optional<sync::Record> r = context.lookup(id);
    if (!r || r->deleted || r->type != type)
        return problem(field, u"找不到所选的记录"_s);
    if (r->orgUnitId != placement.orgUnitId)
        return problem(field, u"所选的记录不是本村的"_s);
    if (found)
        *found = std::move(r);
    return std::nullopt;
}

// --- CollectiveAssetType
// ------------------------------------------------------------------------------------

QList<FieldSpec> CollectiveAssetType::fields() const
{
    return {
        FieldSpec(u"code"_s, FieldKind::Text, u"资产编号"_s).max(30).require(),
        FieldSpec(u"name"_s, FieldKind::Text, u"资产名称"_s).max(40).require().cacheOrder(),
        FieldSpec(u"category"_s, FieldKind::Choice, u"类别"_s).options(assetCategoryPairs()).require(),
        FieldSpec(u"location"_s, FieldKind::Text, u"坐落位置"_s).max(60),
        FieldSpec(u"quantity"_s, FieldKind::Integer, u"数量"_s).require(),
        FieldSpec(u"originalValue"_s, FieldKind::Money, u"原值"_s).require(),
        FieldSpec(u"acquiredBy"_s, FieldKind::Choice, u"取得方式"_s)
            .options({u"built"_s, u"自建"_s, u"bought"_s, u"购置"_s, u"allocated"_s, u"调拨"_s, u"donated"_s,
                      u"捐赠"_s, u"project"_s, u"项目建成"_s})
            .require(),
        FieldSpec(u"startOn"_s, FieldKind::Date, u"启用日期"_s).require(),
        FieldSpec(u"usefulYears"_s, FieldKind::Integer, u"使用年限（年，0 不折旧）"_s).require(),
        FieldSpec(u"residualBasisPoints"_s, FieldKind::Integer, u"残值率（万分之）"_s),
        FieldSpec(u"status"_s, FieldKind::Choice, u"状态"_s)
            .options({u"own-use"_s, u"自用"_s, u"leased"_s, u"出租"_s, u"idle"_s, u"闲置"_s, u"scrapped"_s,
                      u"报废"_s, u"disposed"_s, u"已处置"_s})
            .require(),
        FieldSpec(u"custodian"_s, FieldKind::Text, u"管护人"_s).max(20),
        FieldSpec(u"fundCode"_s, FieldKind::Text, u"资金项目"_s).max(20),
        FieldSpec(u"projectRef"_s, FieldKind::Text, u"建设项目"_s).max(60),
        FieldSpec(u"disposedOn"_s, FieldKind::Date, u"处置日期"_s).pastOrToday(),
        FieldSpec(u"disposalKind"_s, FieldKind::Choice, u"处置方式"_s)
            .options({u"sale"_s, u"出售"_s, u"scrap"_s, u"报废"_s, u"loss"_s, u"毁损灭失"_s, u"transfer"_s,
                      u"无偿划转"_s}),
        FieldSpec(u"disposalAmount"_s, FieldKind::Money, u"处置收入"_s),
        FieldSpec(u"decisionRef"_s, FieldKind::Text, u"集体决议文号"_s).max(40),
        FieldSpec(u"decisionOn"_s, FieldKind::Date, u"决议日期"_s),
    };
}

Depreciation CollectiveAssetType::depreciationOf(const QJsonObject &f)
{
    Depreciation d;
    d.original = fenOf(f, u"originalValue"_s);
    d.startOn = dateOf(f, u"startOn"_s);
    d.usefulYears = int(f.value(u"usefulYears"_s).toInteger());
    if (f.contains(u"residualBasisPoints"_s))
        d.residualBasisPoints = int(f.value(u"residualBasisPoints"_s).toInteger());
    return d;
}

bool CollectiveAssetType::isDisposed(const QJsonObject &f)
{
    return dateOf(f, u"disposedOn"_s).isValid();
}

std::optional<FieldProblem> CollectiveAssetType::checkRules(const QString &, const QJsonObject &f,
                                                            const sync::Placement &placement,
                                                            const sync::RuleContext &context) const
{
    if (auto p = atLevel(placement, OrgLevel::Village))
        return p;
    if (f.value(u"quantity"_s).toInteger() <= 0)
        return problem(u"quantity"_s, u"数量应大于 0"_s);
    if (fenOf(f, u"originalValue"_s) <= 0)
        return problem(u"originalValue"_s, u"原值应大于 0"_s);
    const qint64 years = f.value(u"usefulYears"_s).toInteger();
    if (years < 0 || years > 100)
        return problem(u"usefulYears"_s, u"使用年限应在 0 到 100 年之间"_s);
    if (f.contains(u"residualBasisPoints"_s)) {
        const qint64 bp = f.value(u"residualBasisPoints"_s).toInteger();
        if (bp < 0 || bp > 10000)
            return problem(u"residualBasisPoints"_s, u"残值率应在 0 到 10000（万分之）之间"_s);
    }
    if (f.value(u"category"_s).toString() == u"relief-asset"_s &&
        f.value(u"fundCode"_s).toString().isEmpty() && f.value(u"projectRef"_s).toString().isEmpty())
        return problem(u"fundCode"_s, u"扶贫资产应注明建设它的资金项目或扶贫项目"_s);
    const QString status = f.value(u"status"_s).toString();
    const bool gone = status == u"scrapped"_s || status == u"disposed"_s;
    const QDate disposed = dateOf(f, u"disposedOn"_s);
    if (gone != disposed.isValid())
        return problem(u"disposedOn"_s, gone ? u"报废或处置的资产应填写处置日期和处置方式"_s
                                             : u"填写了处置日期的资产，状态应为报废或已处置"_s);
    if (disposed.isValid()) {
        if (f.value(u"disposalKind"_s).toString().isEmpty())
            return problem(u"disposalKind"_s, u"请选择处置方式"_s);
        if (disposed < dateOf(f, u"startOn"_s))
            return problem(u"disposedOn"_s, u"处置日期早于启用日期"_s);
    }
    if (context.before && isDisposed(*context.before)) {
        if (auto p = unchanged(
                f, *context.before,
                {u"status"_s, u"disposedOn"_s, u"disposalKind"_s, u"disposalAmount"_s, u"originalValue"_s},
                u"在资产处置后不能修改"_s))
            return p;
    }
    return std::nullopt;
}

std::optional<FieldProblem> CollectiveAssetType::deleteProblem(const QString &, const QJsonObject &f,
                                                               const sync::RuleContext &) const
{
    if (isDisposed(f))
        return problem(QString(), u"已处置的资产不能删除，台账保留其记录"_s, u"FORBIDDEN"_s);
    return std::nullopt;
}

// --- CollectiveResourceType
// ---------------------------------------------------------------------------------

QList<FieldSpec> CollectiveResourceType::fields() const
{
    return {
        FieldSpec(u"name"_s, FieldKind::Text, u"资源名称"_s).max(40).require().cacheOrder(),
        FieldSpec(u"kind"_s, FieldKind::Choice, u"类别"_s).options(resourceKindPairs()).require(),
        FieldSpec(u"location"_s, FieldKind::Text, u"坐落位置"_s).max(60),
        FieldSpec(u"areaMu"_s, FieldKind::Number, u"面积（亩）"_s).require(),
        FieldSpec(u"certificate"_s, FieldKind::Text, u"权证号"_s).max(40),
        FieldSpec(u"state"_s, FieldKind::Choice, u"状态"_s)
            .options(
                {u"not-let"_s, u"未发包"_s, u"household"_s, u"家庭承包"_s, u"let"_s, u"已发包（出租）"_s})
            .require(),
        FieldSpec(u"termEndsOn"_s, FieldKind::Date, u"承包期届满日"_s),
    };
}

std::optional<FieldProblem> CollectiveResourceType::checkRules(const QString &, const QJsonObject &f,
                                                               const sync::Placement &placement,
                                                               const sync::RuleContext &) const
{
    if (auto p = atLevel(placement, OrgLevel::Village))
        return p;
    const double area = f.value(u"areaMu"_s).toDouble();
    if (!(area > 0) || area > 1e6)
        return problem(u"areaMu"_s, u"面积应大于 0 亩"_s);
    return std::nullopt;
}

// --- CollectiveContractType
// ---------------------------------------------------------------------------------

QList<FieldSpec> CollectiveContractType::fields() const
{
    return {
        FieldSpec(u"contractNo"_s, FieldKind::Text, u"合同编号"_s).max(30).require().cacheOrder(),
        FieldSpec(u"kind"_s, FieldKind::Choice, u"合同类型"_s)
            .options({u"contracting-out"_s, u"发包"_s, u"lease"_s, u"租赁"_s, u"shares"_s, u"入股"_s,
                      u"works"_s, u"工程"_s})
            .require(),
        FieldSpec(u"assetId"_s, FieldKind::Reference, u"标的资产"_s).references(kAsset).cacheLookup(),
        FieldSpec(u"resourceId"_s, FieldKind::Reference, u"标的资源"_s).references(kResource).cacheLookup(),
        FieldSpec(u"counterpartyName"_s, FieldKind::Text, u"承包（承租）方"_s).max(40).require(),
        FieldSpec(u"counterpartyId"_s, FieldKind::IdNumber, u"承包方身份证号"_s).personalData(),
        FieldSpec(u"counterpartyCode"_s, FieldKind::Text, u"统一社会信用代码"_s).max(18),
        FieldSpec(u"startOn"_s, FieldKind::Date, u"起始日期"_s).require(),
        FieldSpec(u"endOn"_s, FieldKind::Date, u"终止日期"_s).require().cacheOrder(),
        FieldSpec(u"areaMu"_s, FieldKind::Number, u"面积（亩）"_s),
        FieldSpec(u"pricePerMu"_s, FieldKind::Money, u"每亩年租金"_s),
        FieldSpec(u"yearlyRent"_s, FieldKind::Money, u"年租金（不按面积计）"_s),
        FieldSpec(u"yearlyIncreasePercent"_s, FieldKind::Number, u"每年递增（%）"_s),
        FieldSpec(u"deposit"_s, FieldKind::Money, u"保证金"_s),
        FieldSpec(u"decisionRef"_s, FieldKind::Text, u"民主决策文号"_s).max(40),
        FieldSpec(u"decisionOn"_s, FieldKind::Date, u"决策会议日期"_s),
        FieldSpec(u"attendance"_s, FieldKind::Text, u"到会和同意人数"_s).max(40),
        FieldSpec(u"dealNo"_s, FieldKind::Text, u"产权交易成交编号"_s).max(30),
        FieldSpec(u"dealOn"_s, FieldKind::Date, u"成交日期"_s),
        FieldSpec(u"exemptReason"_s, FieldKind::Text, u"未进场交易的理由"_s).max(100),
        FieldSpec(u"renews"_s, FieldKind::Reference, u"续签的原合同"_s).references(kContract),
        FieldSpec(u"state"_s, FieldKind::Choice, u"状态"_s).options(contractStatePairs()).require(),
        FieldSpec(u"value"_s, FieldKind::Money, u"合同总金额"_s).derived(),
        FieldSpec(u"reviewedOn"_s, FieldKind::Date, u"乡镇审核日期"_s).derived(),
        FieldSpec(u"reviewedBy"_s, FieldKind::Text, u"乡镇审核人"_s).max(64).derived(),
    };
}

RentTerms CollectiveContractType::termsOf(const QJsonObject &f)
{
    RentTerms t;
    t.startOn = dateOf(f, u"startOn"_s);
    t.endOn = dateOf(f, u"endOn"_s);
    t.areaMu = f.value(u"areaMu"_s).toDouble();
    t.pricePerMu = fenOf(f, u"pricePerMu"_s);
    t.yearlyRent = fenOf(f, u"yearlyRent"_s);
    t.yearlyIncreasePercent = f.value(u"yearlyIncreasePercent"_s).toDouble();
    return t;
}

bool CollectiveContractType::canMove(const QString &from, const QString &to)
{
    static const QHash<QString, QStringList> moves{
        {u"draft"_s, {u"review"_s}},
        {u"review"_s, {u"draft"_s, u"signed"_s}},
        {u"signed"_s, {u"running"_s, u"ended"_s}},
        {u"running"_s, {u"expired"_s, u"ended"_s}},
    };
    return from == to || moves.value(from).contains(to);
}

bool CollectiveContractType::inForce(const QString &state)
{
    return state == u"signed"_s || state == u"running"_s;
}

std::optional<FieldProblem> CollectiveContractType::checkRules(const QString &recordId, const QJsonObject &f,
                                                               const sync::Placement &placement,
                                                               const sync::RuleContext &context) const
{
    if (auto p = atLevel(placement, OrgLevel::Village))
        return p;
    const bool hasAsset = !f.value(u"assetId"_s).toString().isEmpty();
    if (hasAsset == !f.value(u"resourceId"_s).toString().isEmpty())
        return problem(u"assetId"_s, u"合同的标的应为一项资产或一项资源（二选一）"_s);
    if (auto p = sameVillage(hasAsset ? u"assetId"_s : u"resourceId"_s, hasAsset ? kAsset : kResource, f,
                             placement, context))
        return p;
    const RentTerms terms = termsOf(f);
    if (terms.endOn <= terms.startOn)
        return problem(u"endOn"_s, u"终止日期应晚于起始日期"_s);
    if (terms.areaMu < 0 || terms.pricePerMu < 0 || terms.yearlyRent < 0)
        return problem(u"pricePerMu"_s, u"面积和租金不能为负数"_s);
    if (baseYearlyRent(terms) <= 0)
        return problem(u"pricePerMu"_s, u"请填写面积和每亩年租金，或不按面积计的年租金"_s);
    if (terms.yearlyIncreasePercent < 0 || terms.yearlyIncreasePercent > 50)
        return problem(u"yearlyIncreasePercent"_s, u"每年递增应在 0% 到 50% 之间"_s);
    if (!f.value(u"counterpartyCode"_s).toString().isEmpty() &&
        f.value(u"counterpartyCode"_s).toString().size() != 18)
        return problem(u"counterpartyCode"_s, u"统一社会信用代码应为 18 位"_s);
    if (!f.value(u"renews"_s).toString().isEmpty()) {
        if (f.value(u"renews"_s).toString() == recordId)
            return problem(u"renews"_s, u"合同不能续签自己"_s);
        std::optional<sync::Record> old;
        if (auto p = sameVillage(u"renews"_s, kContract, f, placement, context, &old))
            return p;
        if (old && !context.before && !inForce(old->fields.value(u"state"_s).toString()) &&
            old->fields.value(u"state"_s).toString() != u"expired"_s)
            return problem(u"renews"_s, u"只有履行中或已到期的合同可以续签"_s);
    }
    const QString state = f.value(u"state"_s).toString();
    const QString was = context.before ? context.before->value(u"state"_s).toString() : QString();
    if (byServer(context))
        return std::nullopt; // the server marks a renewed contract
    if (!context.before && state != u"draft"_s && state != u"review"_s)
        return problem(u"state"_s, u"新合同应为草拟或提交审核，由乡镇审核人签订"_s, u"FORBIDDEN"_s);
    if (context.before && !canMove(was, state))
        return problem(u"state"_s,
                       u"合同不能从“%1”改为“%2”"_s.arg(field(u"state"_s)->choiceLabel(was),
                                                       field(u"state"_s)->choiceLabel(state)),
                       u"FORBIDDEN"_s);
    if (was == u"review"_s && state == u"signed"_s && context.actor) {
        const Scope &actor = *context.actor;
        if (!actor.hasRole(Role::Reviewer) || sync::orgLevelOfPath(actor.orgPath) != OrgLevel::Town)
            return problem(u"state"_s, u"合同须经乡镇审核人审核后签订"_s, u"FORBIDDEN"_s);
    }
    if (context.before && !was.isEmpty() && was != u"draft"_s && was != u"review"_s) {
        if (auto p = unchanged(f, *context.before,
                               {u"kind"_s, u"assetId"_s, u"resourceId"_s, u"counterpartyName"_s,
                                u"counterpartyId"_s, u"startOn"_s, u"endOn"_s, u"areaMu"_s, u"pricePerMu"_s,
                                u"yearlyRent"_s, u"yearlyIncreasePercent"_s, u"renews"_s},
                               u"在合同签订后不能修改；变更请终止后重新签订"_s))
            return p;
    }
    return std::nullopt;
}

void CollectiveContractType::derive(QJsonObject &f, const sync::RuleContext &context) const
{
    f.insert(u"value"_s, contractValue(termsOf(f)));
    f.remove(u"reviewedOn"_s);
    f.remove(u"reviewedBy"_s);
    if (context.before) {
        for (const char16_t *name : {u"reviewedOn", u"reviewedBy"}) {
            if (context.before->contains(QString::fromUtf16(name)))
                f.insert(QString::fromUtf16(name), context.before->value(QString::fromUtf16(name)));
        }
    }
    const QString was = context.before ? context.before->value(u"state"_s).toString() : QString();
    if (was == u"review"_s && f.value(u"state"_s).toString() == u"signed"_s) {
        setDate(f, u"reviewedOn"_s, context.today);
        if (context.actor)
            f.insert(u"reviewedBy"_s, context.actor->userId);
    }
}

QList<sync::Consequence> CollectiveContractType::consequences(const QString &recordId, const QJsonObject &f,
                                                              const sync::Placement &placement,
                                                              const sync::RuleContext &context) const
{
    const QString was = context.before ? context.before->value(u"state"_s).toString() : QString();
    if (was != u"review"_s || f.value(u"state"_s).toString() != u"signed"_s)
        return {};
    QList<sync::Consequence> out;
    const QList<Instalment> schedule = rentSchedule(termsOf(f));
    for (const Instalment &i : schedule) {
        sync::Consequence c;
        c.type = kInstalment;
        c.recordId = InstalmentType::recordIdFor(recordId, i.number);
        c.orgUnitId = placement.orgUnitId;
        c.fields = {{u"contractId"_s, recordId},
                    {u"number"_s, i.number},
                    {u"dueOn"_s, iso(i.dueOn)},
                    {u"amountDue"_s, i.amount},
                    {u"received"_s, 0}};
        c.createOnly = true;
        out.append(c);
    }
    if (const QString old = f.value(u"renews"_s).toString(); !old.isEmpty()) {
        sync::Consequence renewed;
        renewed.type = kContract;
        renewed.recordId = old;
        renewed.orgUnitId = placement.orgUnitId;
        renewed.fields = {{u"state"_s, u"renewed"_s}};
        out.append(renewed);
    }
    return out;
}

std::optional<FieldProblem> CollectiveContractType::deleteProblem(const QString &, const QJsonObject &f,
                                                                  const sync::RuleContext &) const
{
    const QString state = f.value(u"state"_s).toString();
    if (state != u"draft"_s && state != u"review"_s)
        return problem(QString(), u"已签订的合同不能删除"_s, u"FORBIDDEN"_s);
    return std::nullopt;
}

// --- InstalmentType
// -----------------------------------------------------------------------------------------

QList<FieldSpec> InstalmentType::fields() const
{
    return {
        FieldSpec(u"contractId"_s, FieldKind::Reference, u"合同"_s)
            .references(kContract)
            .require()
            .cacheLookup(),
        FieldSpec(u"number"_s, FieldKind::Integer, u"期次"_s).require(),
        FieldSpec(u"dueOn"_s, FieldKind::Date, u"应收日期"_s).require().cacheOrder(),
        FieldSpec(u"amountDue"_s, FieldKind::Money, u"应收金额"_s).require(),
        FieldSpec(u"received"_s, FieldKind::Money, u"实收金额"_s),
        FieldSpec(u"receivedOn"_s, FieldKind::Date, u"收款日期"_s).pastOrToday(),
    };
}

QString InstalmentType::recordIdFor(const QString &contractId, int number)
{
    return sync::derivedRecordId(QString::fromUtf16(kName), contractId + u'|' + QString::number(number));
}

Fen InstalmentType::outstanding(const QJsonObject &f)
{
    return std::max<Fen>(0, fenOf(f, u"amountDue"_s) - fenOf(f, u"received"_s));
}

std::optional<FieldProblem> InstalmentType::checkRules(const QString &, const QJsonObject &f,
                                                       const sync::Placement &placement,
                                                       const sync::RuleContext &context) const
{
    if (auto p = atLevel(placement, OrgLevel::Village))
        return p;
    if (!byServer(context)) {
        if (!context.before)
            return problem(QString(), u"租金分期由合同签订时生成，不能另行添加"_s, u"FORBIDDEN"_s);
        if (auto p = unchanged(f, *context.before, {u"contractId"_s, u"number"_s, u"dueOn"_s, u"amountDue"_s},
                               u"由合同生成，不能修改"_s))
            return p;
    }
    const Fen received = fenOf(f, u"received"_s);
    if (received < 0)
        return problem(u"received"_s, u"实收金额不能为负数"_s);
    if (received > 0 && !dateOf(f, u"receivedOn"_s).isValid())
        return problem(u"receivedOn"_s, u"请填写收款日期"_s);
    return std::nullopt;
}

std::optional<FieldProblem> InstalmentType::deleteProblem(const QString &, const QJsonObject &,
                                                          const sync::RuleContext &) const
{
    return problem(QString(), u"租金分期不能删除"_s, u"FORBIDDEN"_s);
}

// --- RentReferenceType
// --------------------------------------------------------------------------------------

QList<FieldSpec> RentReferenceType::fields() const
{
    return {
        FieldSpec(u"kind"_s, FieldKind::Choice, u"资源类别"_s).options(resourceKindPairs()).require(),
        FieldSpec(u"year"_s, FieldKind::Integer, u"起始年度"_s).require().cacheOrder(),
        FieldSpec(u"pricePerMu"_s, FieldKind::Money, u"每亩年租金指导价"_s).require(),
    };
}

QString RentReferenceType::recordIdFor(const QString &townId, const QString &kind, int year)
{
    return sync::derivedRecordId(QString::fromUtf16(kName),
                                 townId + u'|' + kind + u'|' + QString::number(year));
}

std::optional<FieldProblem> RentReferenceType::checkRules(const QString &recordId, const QJsonObject &f,
                                                          const sync::Placement &placement,
                                                          const sync::RuleContext &) const
{
    if (auto p = atLevel(placement, OrgLevel::Town))
        return p;
    const int year = int(f.value(u"year"_s).toInteger());
    if (year < 2000 || year > 2100)
        return problem(u"year"_s, u"年度不正确"_s);
    if (fenOf(f, u"pricePerMu"_s) <= 0)
        return problem(u"pricePerMu"_s, u"指导价应大于 0"_s);
    if (recordId != recordIdFor(placement.orgUnitId, f.value(u"kind"_s).toString(), year))
        return problem(QString(), u"每个乡镇每类资源每年只有一个指导价"_s);
    return std::nullopt;
}

// --- CollectiveSettingsType
// ---------------------------------------------------------------------------------

QList<FieldSpec> CollectiveSettingsType::fields() const
{
    return {
        FieldSpec(u"cashLimit"_s, FieldKind::Money, u"库存现金限额"_s),
        FieldSpec(u"tradingThreshold"_s, FieldKind::Money, u"进场交易标准（合同总金额）"_s),
    };
}

std::optional<QString> CollectiveSettingsType::writeDenied(const Scope &actor,
                                                           const sync::Placement &placement) const
{
    if (isServerActor(actor))
        return std::nullopt;
    if (!actor.hasRole(Role::Reviewer) && !actor.hasRole(Role::Admin))
        return u"三资监管参数由县（市、区）的审核员或管理员设置"_s;
    if (!actor.coversOrgPath(placement.orgPath))
        return u"该县（市、区）不在您的管辖范围内"_s;
    return std::nullopt;
}

QString CollectiveSettingsType::recordIdFor(const QString &countyId)
{
    return sync::derivedRecordId(QString::fromUtf16(kName), countyId);
}

std::optional<FieldProblem> CollectiveSettingsType::checkRules(const QString &recordId, const QJsonObject &f,
                                                               const sync::Placement &placement,
                                                               const sync::RuleContext &) const
{
    if (placement.orgLevel != OrgLevel::County)
        return problem(QString(), u"三资监管参数按县（市、区）设置，请放在县（市、区）下"_s);
    if (recordId != recordIdFor(placement.orgUnitId))
        return problem(QString(), u"每个县（市、区）只有一份三资监管参数"_s);
    for (const char16_t *name : {u"cashLimit", u"tradingThreshold"}) {
        const QString key = QString::fromUtf16(name);
        if (f.contains(key) && fenOf(f, key) <= 0)
            return problem(key, u"“%1”应大于 0；不设置时用全市的规则参数"_s.arg(field(key)->displayName()));
    }
    return std::nullopt;
}

// --- DisclosureType
// -----------------------------------------------------------------------------------------

QList<FieldSpec> DisclosureType::fields() const
{
    return {
        FieldSpec(u"quarter"_s, FieldKind::Text, u"季度"_s).max(6).require().cacheOrder(),
        FieldSpec(u"report"_s, FieldKind::Text, u"公开内容"_s).max(60000).require(),
        FieldSpec(u"checkedOn"_s, FieldKind::Date, u"民主理财小组审核日期"_s).pastOrToday(),
        FieldSpec(u"checkedBy"_s, FieldKind::Text, u"民主理财小组组长"_s).max(20),
        FieldSpec(u"postedOn"_s, FieldKind::Date, u"公开日期"_s).pastOrToday(),
        FieldSpec(u"postedAt"_s, FieldKind::Text, u"公开地点"_s).max(40),
        FieldSpec(u"state"_s, FieldKind::Choice, u"状态"_s)
            .options({u"draft"_s, u"待审核"_s, u"checked"_s, u"已审核"_s, u"posted"_s, u"已公开"_s})
            .derived(),
    };
}

QString DisclosureType::recordIdFor(const QString &villageId, const QString &quarter)
{
    return sync::derivedRecordId(QString::fromUtf16(kName), villageId + u'|' + quarter);
}

std::optional<FieldProblem> DisclosureType::checkRules(const QString &recordId, const QJsonObject &f,
                                                       const sync::Placement &placement,
                                                       const sync::RuleContext &context) const
{
    if (auto p = atLevel(placement, OrgLevel::Village))
        return p;
    const std::optional<Quarter> quarter = Quarter::parse(f.value(u"quarter"_s).toString());
    if (!quarter)
        return problem(u"quarter"_s, u"季度应写作 2026Q3"_s);
    if (recordId != recordIdFor(placement.orgUnitId, quarter->toString()))
        return problem(u"quarter"_s, u"每个村每季度只有一份财务公开"_s);
    if (context.today.isValid() && quarter->lastDay() >= context.today)
        return problem(u"quarter"_s, u"季度结束后才能公开该季度的财务"_s);
    const QDate checked = dateOf(f, u"checkedOn"_s);
    const QDate posted = dateOf(f, u"postedOn"_s);
    if (checked.isValid() && checked <= quarter->lastDay())
        return problem(u"checkedOn"_s, u"审核日期应在季度结束以后"_s);
    if (checked.isValid() && f.value(u"checkedBy"_s).toString().trimmed().isEmpty())
        return problem(u"checkedBy"_s, u"请填写民主理财小组组长"_s);
    if (posted.isValid() && (!checked.isValid() || posted < checked))
        return problem(u"postedOn"_s, u"须经民主理财小组审核后才能公开"_s);
    if (posted.isValid() && f.value(u"postedAt"_s).toString().trimmed().isEmpty())
        return problem(u"postedAt"_s, u"请填写公开地点"_s);
    if (context.before && dateOf(*context.before, u"postedOn"_s).isValid()) {
        if (auto p = unchanged(f, *context.before,
                               {u"report"_s, u"checkedOn"_s, u"checkedBy"_s, u"postedOn"_s, u"postedAt"_s},
                               u"在公开后不能修改"_s))
            return p;
    }
    return std::nullopt;
}

void DisclosureType::derive(QJsonObject &f, const sync::RuleContext &) const
{
    const bool posted = dateOf(f, u"postedOn"_s).isValid();
    const bool checked = dateOf(f, u"checkedOn"_s).isValid();
    f.insert(u"state"_s, posted ? u"posted"_s : checked ? u"checked"_s : u"draft"_s);
}

std::optional<FieldProblem> DisclosureType::deleteProblem(const QString &, const QJsonObject &f,
                                                          const sync::RuleContext &) const
{
    if (dateOf(f, u"postedOn"_s).isValid())
        return problem(QString(), u"已公开的财务公开不能删除"_s, u"FORBIDDEN"_s);
    return std::nullopt;
}

} // namespace sunshine::collective
