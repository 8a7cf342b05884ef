#pragma once

// What the 村务卡 rule tests share (tst_card_rules, tst_card_records): moments and transactions, places and
// actors, steps written as short specs, in-memory statement tables, and the fields of valid records.
#include "common/auth/Scope.h"
#include "common/card/CardRules.h"
#include "common/card/CardStatementImport.h"
#include "common/card/CardTypes.h"
#include "common/card/CardWorkflow.h"
#include "common/core/IdCard.h"
#include "common/core/WorkingCalendar.h"
#include "common/io/TableFile.h"
#include "common/sync/RecordType.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QTest>
#include <algorithm>
#include <optional>
#include <utility>

Q_DECLARE_METATYPE(sunshine::card::CardTxn)
Q_DECLARE_METATYPE(sunshine::card::ApprovedRequest)

namespace sunshine::cardtest {

using namespace Qt::Literals::StringLiterals;
using namespace sunshine::card;

inline const QDate kToday(2026, 11, 20); // a Friday
inline const QString kCityPath = u"/320600000000/"_s;
inline const QString kCountyPath = u"/320600000000/320612000000/"_s;
inline const QString kTownPath = u"/320600000000/320612000000/320612101000/"_s;
inline const QString kVillagePath = u"/320600000000/320612000000/320612101000/320612101201/"_s;

inline QDateTime moment(int y, int mo, int d, int h = 10, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s));
}

inline CardTxn makeTxn(const QString &id, const QDateTime &when, TxnKind kind, Fen amount,
                       const QString &merchant = u"润发农资店"_s, const QString &cardId = u"c1"_s)
{
    CardTxn t;
    t.id = id;
    t.cardId = cardId;
    t.at = when;
    t.timeKnown = true;
    t.kind = kind;
    t.amount = amount;
    t.merchant = merchant;
    return t;
}

inline CardTxn purchase(const QString &id, const QDateTime &when, Fen amount,
                        const QString &merchant = u"润发农资店"_s, const QString &cardId = u"c1"_s)
{
    return makeTxn(id, when, TxnKind::Purchase, amount, merchant, cardId);
}

inline CardTxn refund(const QString &id, const QDateTime &when, Fen amount,
                      const QString &merchant = u"润发农资店"_s, const QString &cardId = u"c1"_s)
{
    return makeTxn(id, when, TxnKind::Refund, amount, merchant, cardId);
}

inline QString groupsText(const QList<QList<CardTxn>> &groups)
{
    QStringList out;
    for (const QList<CardTxn> &g : groups) {
        QStringList ids;
        for (const CardTxn &t : g)
            ids.append(t.id);
        out.append(ids.join(u','));
    }
    return out.join(u';');
}

inline QStringList sorted(const QSet<QString> &set)
{
    QStringList out(set.begin(), set.end());
    out.sort();
    return out;
}

// A valid 身份证号 born 1970-01-01 (region 320612), told apart by `seq`.
inline QString idNumber(int seq)
{
    const QString first17 = u"32061219700101"_s + u"%1"_s.arg(seq, 3, 10, QChar(u'0'));
    return first17 + IdCard::checkCharacter(first17);
}

inline sync::Placement placementAt(const QString &orgPath)
{
    sync::Placement p;
    const QStringList units = orgPath.split(u'/', Qt::SkipEmptyParts);
    p.orgUnitId = units.value(units.size() - 1);
    p.orgPath = orgPath;
    p.orgLevel = sync::orgLevelOfPath(orgPath);
    return p;
}

inline sync::Placement villagePlacement()
{
    sync::Placement p;
    p.orgUnitId = u"320612101201"_s;
    p.orgPath = kVillagePath;
    p.orgLevel = OrgLevel::Village;
    return p;
}

// A user of the unit at `orgPath` with one role.
inline Scope scopeOf(const QString &orgPath, Role role)
{
    Scope s;
    const QStringList units = orgPath.split(u'/', Qt::SkipEmptyParts);
    s.userId = u"user-"_s + roleName(role) + u'-' + units.value(units.size() - 1);
    s.orgUnitId = units.value(units.size() - 1);
    s.orgPath = orgPath;
    s.roles = {role};
    return s;
}

inline sync::RuleContext contextFor(const Scope *actor, const QJsonObject *before = nullptr)
{
    sync::RuleContext c;
    c.today = kToday;
    c.entryDay = kToday;
    c.calendar = &WorkingCalendar::builtIn();
    c.actor = actor;
    c.before = before;
    return c;
}

// The workflows' actors by name.
inline CardActor actorNamed(const QString &name)
{
    if (name == u"town-clerk"_s)
        return CardActor{{Role::Clerk}, OrgLevel::Town};
    if (name == u"town-reviewer"_s)
        return CardActor{{Role::Reviewer}, OrgLevel::Town};
    if (name == u"town-both"_s)
        return CardActor{{Role::Clerk, Role::Reviewer}, OrgLevel::Town};
    if (name == u"county-reviewer"_s)
        return CardActor{{Role::Reviewer}, OrgLevel::County};
    if (name == u"county-clerk"_s)
        return CardActor{{Role::Clerk}, OrgLevel::County};
    if (name == u"village-clerk"_s)
        return CardActor{{Role::Clerk}, OrgLevel::Village};
    return CardActor{{Role::Leader}, OrgLevel::Town};
}

// "approve:director", "approve:director:" (no signer), "town-approve", "reject", "reject:" (no reason).
inline RequestStep requestStepOf(const QString &spec)
{
    const QStringList parts = spec.split(u':');
    RequestStep s;
    s.action = requestActionFromName(parts.value(0)).value_or(RequestAction::Approve);
    s.on = QDate(2026, 11, 19);
    if (s.action == RequestAction::Approve) {
        s.body = parts.value(1);
        s.signer = parts.size() > 2 ? parts.value(2) : u"吴主任"_s;
    } else if (s.action == RequestAction::Reject) {
        s.reason = parts.size() > 1 ? parts.value(1) : u"不属于村务卡支出范围"_s;
    }
    return s;
}

// "village-check", "village-check:" (no checker), "book", "book:" (no voucher), "return", "return:",
// "resubmit", "town-check".
inline ClaimStep claimStepOf(const QString &spec)
{
    const QStringList parts = spec.split(u':');
    ClaimStep s;
    s.action = claimActionFromName(parts.value(0)).value_or(ClaimAction::VillageCheck);
    s.on = QDate(2026, 11, 19);
    const bool given = parts.size() > 1;
    switch (s.action) {
    case ClaimAction::VillageCheck:
        s.checker = given ? parts.value(1) : u"钱监委"_s;
        break;
    case ClaimAction::Book:
        s.voucherNo = given ? parts.value(1) : u"记-202611-001"_s;
        break;
    case ClaimAction::Return:
        s.reason = given ? parts.value(1) : u"缺少接待审批单"_s;
        break;
    case ClaimAction::TownCheck:
    case ClaimAction::Resubmit:
        break;
    }
    return s;
}

// A table as a file reader gives it: the rows with line numbers 1..n.
inline io::TableData tableOf(const QList<QStringList> &rows)
{
    io::TableData t;
    t.rows = rows;
    for (qsizetype i = 0; i < rows.size(); ++i)
        t.lineNumbers.append(int(i) + 1);
    return t;
}

inline CardStatementOptions statementOptions()
{
    CardStatementOptions o;
    o.cardId = u"card-1"_s;
    o.cardLast4 = u"1234"_s;
    o.placement = villagePlacement();
    o.today = kToday;
    return o;
}

// The rows of a bank's export: a title, an account line, the header, three lines and a total.
inline io::TableData bankExport()
{
    return tableOf({
        {u"中国农业银行借记卡交易明细"_s},
        {u"账号：6228********1234"_s, u"币种：人民币"_s, u"起止日期：2026-11-01至2026-11-19"_s},
        {u"交易日期"_s, u"交易时间"_s, u"交易金额"_s, u"交易类型"_s, u"商户名称"_s, u"商户类别码"_s,
         u"交易渠道"_s, u"对方户名"_s, u"交易流水号"_s, u"卡号"_s},
        {u"2026-11-03"_s, u"14:22:05"_s, u"-120.50"_s, u"消费"_s, u"通州文具商店"_s, u"5943"_s, u"POS"_s,
         QString(), u"REF0001"_s, u"6228****1234"_s},
        {u"2026-11-04"_s, u"09:30"_s, u"-300.00"_s, u"ATM取款"_s, u"农商银行自助银行"_s, u"6011"_s, u"ATM"_s,
         QString(), u"REF0002"_s, u"1234"_s},
        {u"2026-11-05"_s, u"10:00:00"_s, u"500.00"_s, u"转账收入"_s, QString(), QString(), u"网银"_s,
         u"演示村股份经济合作社"_s, u"REF0003"_s, QString()},
        {u"合计"_s, QString(), u"79.50"_s},
    });
}

inline const CardStatementRow *rowWithRef(const CardStatementResult &r, const QString &ref)
{
    for (const CardStatementRow &row : r.rows) {
        if (row.fields.value(u"bankRef"_s).toString() == ref)
            return &row;
    }
    return nullptr;
}

// "field: message" of a record check's problem, for failure messages.
inline QByteArray describe(const std::optional<sync::FieldProblem> &p)
{
    return p ? QString(p->code + u' ' + p->field + u": "_s + p->message).toUtf8() : QByteArray("accepted");
}

// A number with the wrong check character.
inline QString withWrongCheck(const QString &number)
{
    return number.left(17) + (number.endsWith(u'1') ? u"2"_s : u"1"_s);
}

inline QByteArray describeProblems(const CardStatementResult &r)
{
    QStringList out;
    for (const io::ImportProblem &p : r.problems)
        out.append(u"line %1 [%2] %3"_s.arg(p.line).arg(p.column, p.reason));
    if (!r.error.isEmpty())
        out.append(u"error: "_s + r.error);
    return out.join(u"; "_s).toUtf8();
}

// --- fields of valid records, as the server stores them ---

inline QJsonObject cardFields()
{
    return {{u"holderName"_s, u"赵书记"_s},
            {u"holderId"_s, idNumber(101)},
            {u"holderRole"_s, u"secretary"_s},
            {u"bank"_s, u"江苏南通农村商业银行"_s},
            {u"last4"_s, u"1234"_s},
            {u"kind"_s, u"debit"_s},
            {u"monthLimit"_s, 300000},
            {u"repaymentDay"_s, 20},
            {u"fundingAccount"_s, u"演示村股份经济合作社"_s},
            {u"state"_s, u"active"_s},
            {u"issuedOn"_s, u"2026-05-01"_s}};
}

inline QJsonObject txnFields()
{
    return {{u"cardId"_s, u"card-1"_s}, {u"on"_s, u"2026-11-03"_s}, {u"at"_s, u"14:22:05"_s},
            {u"kind"_s, u"purchase"_s}, {u"amount"_s, 12050},       {u"merchant"_s, u"通州文具商店"_s},
            {u"mcc"_s, u"5943"_s},      {u"channel"_s, u"pos"_s},   {u"bankRef"_s, u"REF0001"_s}};
}

inline QJsonObject claimFields()
{
    return {{u"cardId"_s, u"card-1"_s},  {u"claimedOn"_s, u"2026-11-19"_s},
            {u"amount"_s, 54800},        {u"purpose"_s, u"办公用品及通讯费"_s},
            {u"handler"_s, u"周会计"_s}, {u"witness"_s, u"吴主任"_s}};
}

inline QJsonObject requestFields(qint64 estimate)
{
    return {{u"cardId"_s, u"card-1"_s},
            {u"purpose"_s, u"购买办公用品"_s},
            {u"category"_s, u"office"_s},
            {u"estimate"_s, estimate},
            {u"plannedOn"_s, u"2026-11-20"_s}};
}

} // namespace sunshine::cardtest
