#include "common/card/CardRules.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::card {

QString approvalBodyName(ApprovalBody body)
{
    switch (body) {
    case ApprovalBody::Director:
        return u"director"_s;
    case ApprovalBody::Committees:
        return u"committees"_s;
    case ApprovalBody::Representatives:
        return u"representatives"_s;
    }
    return {};
}

QString approvalBodyChinese(ApprovalBody body)
{
    switch (body) {
    case ApprovalBody::Director:
        return u"村主任"_s;
    case ApprovalBody::Committees:
        return u"村两委"_s;
    case ApprovalBody::Representatives:
        return u"村民代表会议"_s;
    }
    return {};
}

std::optional<ApprovalBody> approvalBodyFromName(const QString &name)
{
    for (ApprovalBody b : {ApprovalBody::Director, ApprovalBody::Committees, ApprovalBody::Representatives}) {
        if (approvalBodyName(b) == name)
            return b;
    }
    return std::nullopt;
}

ApprovalBody requiredBody(Fen amount, const CardTiers &tiers)
{
    if (amount <= tiers.directorMax)
        return ApprovalBody::Director;
    if (amount <= tiers.committeesMax)
        return ApprovalBody::Committees;
    return ApprovalBody::Representatives;
}

bool bodyCovers(ApprovalBody body, ApprovalBody required)
{
    return int(body) >= int(required);
}

namespace {

const QList<QPair<TxnKind, QString>> &kindNames()
{
    static const QList<QPair<TxnKind, QString>> names{{TxnKind::Purchase, u"purchase"_s},
                                                      {TxnKind::Cash, u"cash"_s},
                                                      {TxnKind::TransferOut, u"transfer-out"_s},
                                                      {TxnKind::TransferIn, u"transfer-in"_s},
                                                      {TxnKind::Refund, u"refund"_s},
                                                      {TxnKind::Repayment, u"repayment"_s}};
    return names;
}

} // namespace

QString txnKindName(TxnKind kind)
{
    for (const auto &[k, name] : kindNames()) {
        if (k == kind)
            return name;
    }
    return {};
}

QString txnKindChinese(TxnKind kind)
{
    switch (kind) {
    case TxnKind::Purchase:
        return u"消费"_s;
    case TxnKind::Cash:
        return u"取现"_s;
    case TxnKind::TransferOut:
        return u"转出"_s;
    case TxnKind::TransferIn:
        return u"转入"_s;
    case TxnKind::Refund:
        return u"退款"_s;
    case TxnKind::Repayment:
        return u"还款"_s;
    }
    return {};
}

std::optional<TxnKind> txnKindFromName(const QString &name)
{
    for (const auto &[k, n] : kindNames()) {
        if (n == name)
            return k;
    }
    return std::nullopt;
}

std::optional<TxnKind> txnKindFromStatement(const QString &textIn)
{
    const QString text = comparableName(textIn);
    if (text.isEmpty())
        return std::nullopt;
    if (const auto wire = txnKindFromName(text.toLower()))
        return wire;
    // The most specific words first: 消费退货 is a refund, ATM取款 cash, 转账还款 a repayment.
    if (text.contains(u"退"_s) || text.contains(u"冲正"_s) || text.contains(u"撤销"_s))
        return TxnKind::Refund;
    // Cash paid in (at an ATM or a counter) comes from whoever holds it: money in, payer unknown.
    if (text.contains(u"存现"_s) || text.contains(u"现金存"_s))
        return TxnKind::TransferIn;
    if (text.contains(u"还款"_s) || text.contains(u"存入"_s) || text.contains(u"存款"_s) ||
        text.contains(u"备用金"_s))
        return TxnKind::Repayment;
    if (text.contains(u"取现"_s) || text.contains(u"取款"_s) || text.contains(u"现金"_s) ||
        text.contains(u"ATM"_s, Qt::CaseInsensitive))
        return TxnKind::Cash;
    if (text.contains(u"转入"_s) || text.contains(u"汇入"_s) || text.contains(u"转账收入"_s) ||
        text.contains(u"收款"_s))
        return TxnKind::TransferIn;
    if (text.contains(u"转出"_s) || text.contains(u"转账"_s) || text.contains(u"汇出"_s) ||
        text.contains(u"汇款"_s))
        return TxnKind::TransferOut;
    if (text.contains(u"消费"_s) || text.contains(u"支付"_s) || text.contains(u"购物"_s) ||
        text.contains(u"POS"_s, Qt::CaseInsensitive) || text.contains(u"扫码"_s))
        return TxnKind::Purchase;
    return std::nullopt;
}

bool isOutflow(TxnKind kind)
{
    return kind == TxnKind::Purchase || kind == TxnKind::Cash || kind == TxnKind::TransferOut;
}

QStringList outflowKindNames()
{
    QStringList out;
    for (const auto &[k, name] : kindNames()) {
        if (isOutflow(k))
            out.append(name);
    }
    return out;
}

QSet<QString> cancelledByRefunds(const QList<CardTxn> &txns, int days)
{
    QList<const CardTxn *> ordered;
    for (const CardTxn &t : txns)
        ordered.append(&t);
    // At the same moment (a statement without times) a purchase comes before its refund.
    std::stable_sort(ordered.begin(), ordered.end(), [](const CardTxn *a, const CardTxn *b) {
        return a->at != b->at ? a->at < b->at : (a->kind != TxnKind::Refund && b->kind == TxnKind::Refund);
    });
    QSet<QString> cancelled;
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        const CardTxn &refund = *ordered.at(i);
        if (refund.kind != TxnKind::Refund)
            continue;
        const QString merchant = comparableName(refund.merchant);
        for (qsizetype j = i - 1; j >= 0; --j) {
            const CardTxn &p = *ordered.at(j);
            if (p.at.daysTo(refund.at) > days)
                break;
            if (p.kind == TxnKind::Purchase && p.cardId == refund.cardId && p.amount == refund.amount &&
                comparableName(p.merchant) == merchant && !cancelled.contains(p.id)) {
                cancelled.insert(p.id);
                cancelled.insert(refund.id);
                break;
            }
        }
    }
    return cancelled;
}

bool isCashUse(const CardTxn &txn)
{
    return txn.kind == TxnKind::Cash || (isOutflow(txn.kind) && txn.channel == u"atm"_s);
}

bool isOffHours(const CardTxn &txn, const WorkingCalendar &calendar, int nightStartHour, int nightEndHour)
{
    if (txn.kind != TxnKind::Purchase && txn.kind != TxnKind::Cash)
        return false;
    if (!calendar.isWorkingDay(txn.at.date()))
        return true;
    if (!txn.timeKnown)
        return false;
    const int hour = txn.at.time().hour();
    if (nightStartHour == nightEndHour)
        return false;
    if (nightStartHour > nightEndHour) // across midnight: 22–6
        return hour >= nightStartHour || hour < nightEndHour;
    return hour >= nightStartHour && hour < nightEndHour;
}

QList<QList<CardTxn>> splitGroups(const QList<CardTxn> &txns, Fen tierMax, int windowDays,
                                  const QSet<QString> &cancelled)
{
    // Per card and merchant, the purchases under the tier in time order.
    QHash<QString, QList<CardTxn>> byKey;
    for (const CardTxn &t : txns) {
        if (t.kind != TxnKind::Purchase || t.amount > tierMax || cancelled.contains(t.id) ||
            comparableName(t.merchant).isEmpty())
            continue;
        byKey[t.cardId + u'\x1f' + comparableName(t.merchant)].append(t);
    }
    QStringList keys = byKey.keys();
    keys.sort();
    QList<QList<CardTxn>> groups;
    const qint64 windowSecs = qint64(windowDays) * 86400;
    for (const QString &key : std::as_const(keys)) {
        QList<CardTxn> list = byKey.value(key);
        std::stable_sort(list.begin(), list.end(), [](const CardTxn &a, const CardTxn &b) {
            return a.at != b.at ? a.at < b.at : a.id < b.id;
        });
        qsizetype i = 0;
        while (i < list.size()) {
            QList<CardTxn> group{list.at(i)};
            Fen total = list.at(i).amount;
            qsizetype j = i + 1;
            while (j < list.size() && list.at(i).at.secsTo(list.at(j).at) <= windowSecs) {
                group.append(list.at(j));
                total += list.at(j).amount;
                ++j;
            }
            if (group.size() >= 2 && total > tierMax) {
                groups.append(group);
                i = j;
            } else {
                ++i;
            }
        }
    }
    return groups;
}

QHash<QString, Fen> monthlyNetOutflow(const QList<CardTxn> &txns)
{
    QHash<int, Fen> byMonth;
    for (const CardTxn &t : txns) {
        const QDate d = t.at.date();
        const int month = d.year() * 100 + d.month();
        if (isOutflow(t.kind))
            byMonth[month] += t.amount;
        else if (t.kind == TxnKind::Refund)
            byMonth[month] -= t.amount;
    }
    QHash<QString, Fen> out;
    for (auto it = byMonth.constBegin(); it != byMonth.constEnd(); ++it)
        out.insert(u"%1-%2"_s.arg(it.key() / 100).arg(it.key() % 100, 2, 10, QChar(u'0')), it.value());
    return out;
}

bool isPrivateMoney(const CardTxn &txn, const QString &fundingAccount)
{
    if (txn.kind != TxnKind::TransferIn && txn.kind != TxnKind::Repayment)
        return false;
    const QString from = comparableName(txn.counterparty);
    // A repayment the bank states without a payer is taken as the collective's own (its transfer order).
    if (from.isEmpty())
        return txn.kind == TxnKind::TransferIn;
    return from != comparableName(fundingAccount);
}

QDate claimDueOn(QDate spentOn, int repaymentDay, int leadDays, const WorkingCalendar &calendar)
{
    if (!spentOn.isValid() || repaymentDay < 1)
        return {};
    for (int months = 1; months <= 3; ++months) {
        const QDate next = spentOn.addMonths(months);
        const QDate repayment(next.year(), next.month(), qMin(repaymentDay, next.daysInMonth()));
        const QDate due = calendar.addWorkingDays(repayment, -leadDays);
        if (due > spentOn)
            return due;
    }
    return calendar.addWorkingDays(spentOn, leadDays);
}

QHash<QString, QString> matchRequests(const QList<CardTxn> &txns, const QList<ApprovedRequest> &requests,
                                      int days)
{
    QHash<QString, Fen> left;
    QHash<QString, QList<const ApprovedRequest *>> byCard;
    for (const ApprovedRequest &r : requests) {
        left.insert(r.id, r.estimate);
        byCard[r.cardId].append(&r);
    }
    // Each card's requests, planned latest first.
    for (auto &list : byCard) {
        std::stable_sort(list.begin(), list.end(), [](const ApprovedRequest *a, const ApprovedRequest *b) {
            return a->plannedOn != b->plannedOn ? a->plannedOn > b->plannedOn : a->id < b->id;
        });
    }
    for (const CardTxn &t : txns) {
        if (!t.requestId.isEmpty() && left.contains(t.requestId))
            left[t.requestId] -= t.amount;
    }
    QList<const CardTxn *> open;
    for (const CardTxn &t : txns) {
        if (t.requestId.isEmpty() && t.kind == TxnKind::Purchase)
            open.append(&t);
    }
    std::stable_sort(open.begin(), open.end(),
                     [](const CardTxn *a, const CardTxn *b) { return a->at < b->at; });
    QHash<QString, QString> matched;
    for (const CardTxn *t : std::as_const(open)) {
        const QDate day = t->at.date();
        const auto it = byCard.constFind(t->cardId);
        if (it == byCard.constEnd())
            continue;
        const QList<const ApprovedRequest *> &list = *it;
        // The first request planned on or before the day (the list runs latest first), then back in time
        // while within `days`.
        auto r = std::lower_bound(list.cbegin(), list.cend(), day,
                                  [](const ApprovedRequest *a, QDate d) { return a->plannedOn > d; });
        for (; r != list.cend() && (*r)->plannedOn.daysTo(day) <= days; ++r) {
            if (left.value((*r)->id) < t->amount)
                continue;
            left[(*r)->id] -= t->amount;
            matched.insert(t->id, (*r)->id);
            break;
        }
    }
    return matched;
}

QString comparableName(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (QChar c : name) {
        if (c.isSpace())
            continue;
        if (c == u'（')
            c = u'(';
        else if (c == u'）')
            c = u')';
        out.append(c);
    }
    return out;
}

const QList<MerchantCategory> &merchantCategories()
{
    static const QList<MerchantCategory> list{
        {u"5813"_s, u"酒吧、夜总会"_s, true},   {u"7911"_s, u"歌舞厅"_s, true},
        {u"7995"_s, u"博彩"_s, true},           {u"7297"_s, u"按摩"_s, true},
        {u"7298"_s, u"保健美容、水疗"_s, true}, {u"7997"_s, u"会所、俱乐部"_s, true},
        {u"5944"_s, u"珠宝、钟表"_s, true},     {u"5921"_s, u"烟酒专卖"_s, false},
        {u"5993"_s, u"烟草"_s, false},          {u"7992"_s, u"高尔夫"_s, false},
        {u"7996"_s, u"游乐园"_s, false},        {u"7832"_s, u"电影院"_s, false},
        {u"7011"_s, u"宾馆酒店"_s, false},      {u"5812"_s, u"餐馆"_s, false},
        {u"4722"_s, u"旅行社"_s, false},        {u"5691"_s, u"服装"_s, false},
        {u"5732"_s, u"电子产品"_s, false},      {u"6051"_s, u"准现金（充值、购卡）"_s, false},
    };
    return list;
}

} // namespace sunshine::card
