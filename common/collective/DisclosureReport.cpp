#include "common/collective/DisclosureReport.h"

#include "common/collective/CollectiveTypes.h"
#include "common/collective/LedgerTypes.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::collective {

namespace {

QDate dateOf(const QJsonObject &f, const QString &name)
{
    return sync::RecordType::dateOf(f, name);
}

Fen fenOf(const QJsonObject &f, const QString &name)
{
    return sync::RecordType::fenOf(f, name);
}

QJsonArray classTotals(const std::map<QString, Fen> &totals)
{
    QJsonArray out;
    const QStringList pairs = entryClassPairs();
    // In the order of the class list, so every disclosure reads alike.
    for (qsizetype i = 0; i + 1 < pairs.size(); i += 2) {
        const auto it = totals.find(pairs.at(i));
        if (it != totals.end())
            out.append(QJsonObject{
                {u"class"_s, it->first}, {u"label"_s, pairs.at(i + 1)}, {u"amount"_s, it->second}});
    }
    return out;
}

} // namespace

EntryShare entryShare(const QJsonObject &entry)
{
    const QString side = LedgerEntryType::classSide(entry.value(u"entryClass"_s).toString());
    // Money in adds to income and takes from spending; money out the other way round.
    const Fen signedAmount = balanceAfter(0, LedgerEntryType::directionOf(entry), fenOf(entry, u"amount"_s));
    if (side == u"income"_s)
        return {side, signedAmount};
    if (side == u"spending"_s)
        return {side, -signedAmount};
    return {side, 0};
}

QJsonObject buildDisclosure(const DisclosureInput &in)
{
    const QDate first = in.quarter.firstDay();
    const QDate last = in.quarter.lastDay();
    std::map<QString, Fen> income;
    std::map<QString, Fen> spending;
    Fen incomeTotal = 0;
    Fen spendingTotal = 0;
    QHash<QString, Fen> before; // book id → the entries' net before the quarter
    QHash<QString, Fen> during;
    QJsonArray large;
    QList<QJsonObject> entries = in.entries;
    std::sort(entries.begin(), entries.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QString da = a.value(u"on"_s).toString();
        const QString db = b.value(u"on"_s).toString();
        return da != db ? da < db : a.value(u"voucherNo"_s).toString() < b.value(u"voucherNo"_s).toString();
    });
    for (const QJsonObject &e : std::as_const(entries)) {
        const QDate on = dateOf(e, u"on"_s);
        if (!on.isValid() || on > last)
            continue;
        const Fen amount = fenOf(e, u"amount"_s);
        const EntryDirection direction = LedgerEntryType::directionOf(e);
        const Fen signedAmount = balanceAfter(0, direction, amount);
        const QString book = e.value(u"bookId"_s).toString();
        if (on < first) {
            before[book] += signedAmount;
            continue;
        }
        during[book] += signedAmount;
        const QString entryClass = e.value(u"entryClass"_s).toString();
        // By the class's side: a reversing entry (the opposite direction) takes its amount out of the class.
        const EntryShare share = entryShare(e);
        if (share.side == u"income"_s) {
            income[entryClass] += share.amount;
            incomeTotal += share.amount;
        } else if (share.side == u"spending"_s) {
            spending[entryClass] += share.amount;
            spendingTotal += share.amount;
        }
        if (amount >= in.largeItem)
            large.append(QJsonObject{{u"on"_s, e.value(u"on"_s)},
                                     {u"voucherNo"_s, e.value(u"voucherNo"_s)},
                                     {u"summary"_s, e.value(u"summary"_s)},
                                     {u"direction"_s, e.value(u"direction"_s)},
                                     {u"amount"_s, amount}});
    }
    QJsonArray books;
    for (const QJsonObject &b : in.books) {
        if (dateOf(b, u"openingOn"_s) > last)
            continue;
        const QString id = b.value(u"id"_s).toString();
        const Fen opening = fenOf(b, u"openingBalance"_s) + before.value(id);
        books.append(QJsonObject{{u"name"_s, b.value(u"name"_s)},
                                 {u"kind"_s, b.value(u"kind"_s)},
                                 {u"opening"_s, opening},
                                 {u"closing"_s, opening + during.value(id)}});
    }
    qint64 assetCount = 0;
    Fen original = 0;
    Fen net = 0;
    for (const QJsonObject &a : in.assets) {
        const QDate start = dateOf(a, u"startOn"_s);
        const QDate disposed = dateOf(a, u"disposedOn"_s);
        if (!start.isValid() || start > last || (disposed.isValid() && disposed <= last))
            continue;
        const Depreciation d = CollectiveAssetType::depreciationOf(a);
        ++assetCount;
        original += d.original;
        net += netValue(d, last);
    }
    QHash<QString, QList<QJsonObject>> instalmentsOf;
    for (const QJsonObject &i : in.instalments)
        instalmentsOf[i.value(u"contractId"_s).toString()].append(i);
    QJsonArray contracts;
    Fen rentDue = 0;
    Fen rentReceived = 0;
    Fen arrearsTotal = 0;
    QList<QJsonObject> sortedContracts = in.contracts;
    std::sort(sortedContracts.begin(), sortedContracts.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"contractNo"_s).toString() < b.value(u"contractNo"_s).toString();
    });
    for (const QJsonObject &c : std::as_const(sortedContracts)) {
        const QString state = c.value(u"state"_s).toString();
        if (state == u"draft"_s || state == u"review"_s || dateOf(c, u"startOn"_s) > last ||
            dateOf(c, u"endOn"_s) < first)
            continue;
        Fen due = 0;
        Fen received = 0;
        Fen arrears = 0;
        for (const QJsonObject &i : instalmentsOf.value(c.value(u"id"_s).toString())) {
            const QDate dueOn = dateOf(i, u"dueOn"_s);
            const QDate receivedOn = dateOf(i, u"receivedOn"_s);
            if (dueOn >= first && dueOn <= last)
                due += fenOf(i, u"amountDue"_s);
            if (receivedOn.isValid() && receivedOn >= first && receivedOn <= last)
                received += fenOf(i, u"received"_s);
            // Owed at the quarter's end: what was due by then less what was received by then.
            if (dueOn <= last) {
                const Fen paidByEnd =
                    receivedOn.isValid() && receivedOn <= last ? fenOf(i, u"received"_s) : 0;
                arrears += std::max<Fen>(0, fenOf(i, u"amountDue"_s) - paidByEnd);
            }
        }
        rentDue += due;
        rentReceived += received;
        arrearsTotal += arrears;
        contracts.append(QJsonObject{{u"contractNo"_s, c.value(u"contractNo"_s)},
                                     {u"counterparty"_s, c.value(u"counterpartyName"_s)},
                                     {u"startOn"_s, c.value(u"startOn"_s)},
                                     {u"endOn"_s, c.value(u"endOn"_s)},
                                     {u"value"_s, fenOf(c, u"value"_s)},
                                     {u"due"_s, due},
                                     {u"received"_s, received},
                                     {u"arrears"_s, arrears}});
    }
    return {{u"quarter"_s, in.quarter.toString()},
            {u"income"_s, classTotals(income)},
            {u"incomeTotal"_s, incomeTotal},
            {u"spending"_s, classTotals(spending)},
            {u"spendingTotal"_s, spendingTotal},
            {u"books"_s, books},
            {u"assets"_s, QJsonObject{{u"count"_s, assetCount}, {u"original"_s, original}, {u"net"_s, net}}},
            {u"contracts"_s, contracts},
            {u"rentDue"_s, rentDue},
            {u"rentReceived"_s, rentReceived},
            {u"arrears"_s, arrearsTotal},
            {u"largeItems"_s, large},
            {u"largeItemFrom"_s, in.largeItem}};
}

namespace {

QString yuan(const QJsonValue &fen)
{
    return money::formatYuan(fen.toInteger());
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString row(const QStringList &cells, bool header = false)
{
    const QString tag = header ? u"th"_s : u"td"_s;
    // Amounts (digits, separators, a bold tag) stand right-aligned, as on a ledger.
    static const QRegularExpression amount(u"^(<b>)?-?[0-9,]+\\.[0-9]{2}(</b>)?$"_s);
    QString out = u"<tr>"_s;
    for (const QString &c : cells)
        out += u"<%1%3>%2</%1>"_s.arg(
            tag, c, !header && amount.match(c).hasMatch() ? u" align=\"right\""_s : QString());
    return out + u"</tr>"_s;
}

QString classTable(const QJsonArray &lines, const QString &title, const QJsonValue &total)
{
    QString out =
        u"<h3>%1</h3><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">"_s.arg(title);
    out += row({u"项目"_s, u"金额（元）"_s}, true);
    for (const QJsonValue &v : lines) {
        const QJsonObject o = v.toObject();
        out += row({esc(o.value(u"label"_s).toString()), yuan(o.value(u"amount"_s))});
    }
    out += row({u"<b>合计</b>"_s, u"<b>"_s + yuan(total) + u"</b>"_s});
    return out + u"</table>"_s;
}

} // namespace

QString disclosureHtml(const QJsonObject &r, const QString &villageName)
{
    const std::optional<Quarter> q = Quarter::parse(r.value(u"quarter"_s).toString());
    QString html = u"<html><head><meta charset=\"utf-8\"></head><body>"_s;
    html +=
        u"<h2 align=\"center\">%1 %2 财务公开</h2>"_s.arg(esc(villageName), q ? q->chineseName() : QString());
    html += classTable(r.value(u"income"_s).toArray(), u"一、收入"_s, r.value(u"incomeTotal"_s));
    html += classTable(r.value(u"spending"_s).toArray(), u"二、支出"_s, r.value(u"spendingTotal"_s));
    html += u"<h3>三、货币资金</h3><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">"_s;
    html += row({u"账户"_s, u"期初余额（元）"_s, u"期末余额（元）"_s}, true);
    for (const QJsonValue &v : r.value(u"books"_s).toArray()) {
        const QJsonObject o = v.toObject();
        html += row(
            {esc(o.value(u"name"_s).toString()), yuan(o.value(u"opening"_s)), yuan(o.value(u"closing"_s))});
    }
    html += u"</table>"_s;
    const QJsonObject assets = r.value(u"assets"_s).toObject();
    html += u"<h3>四、资产</h3><p>在册资产 %1 项，原值 %2 元，净值 %3 元。</p>"_s.arg(
        QString::number(assets.value(u"count"_s).toInteger()), yuan(assets.value(u"original"_s)),
        yuan(assets.value(u"net"_s)));
    html +=
        u"<h3>五、合同及租金</h3><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">"_s;
    html += row({u"合同编号"_s, u"承包（承租）方"_s, u"期限"_s, u"合同总金额"_s, u"本季应收"_s, u"本季实收"_s,
                 u"累计欠缴"_s},
                true);
    for (const QJsonValue &v : r.value(u"contracts"_s).toArray()) {
        const QJsonObject o = v.toObject();
        html += row({esc(o.value(u"contractNo"_s).toString()), esc(o.value(u"counterparty"_s).toString()),
                     o.value(u"startOn"_s).toString() + u" 至 "_s + o.value(u"endOn"_s).toString(),
                     yuan(o.value(u"value"_s)), yuan(o.value(u"due"_s)), yuan(o.value(u"received"_s)),
                     yuan(o.value(u"arrears"_s))});
    }
    html += row({u"<b>合计</b>"_s, QString(), QString(), QString(), yuan(r.value(u"rentDue"_s)),
                 yuan(r.value(u"rentReceived"_s)), yuan(r.value(u"arrears"_s))});
    html += u"</table>"_s;
    html += u"<h3>六、%1 元以上的单笔收支</h3>"_s.arg(yuan(r.value(u"largeItemFrom"_s)));
    const QJsonArray large = r.value(u"largeItems"_s).toArray();
    if (large.isEmpty()) {
        html += u"<p>本季度无。</p>"_s;
    } else {
        html += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">"_s;
        html += row({u"日期"_s, u"凭证号"_s, u"摘要"_s, u"收支"_s, u"金额（元）"_s}, true);
        for (const QJsonValue &v : large) {
            const QJsonObject o = v.toObject();
            html += row({o.value(u"on"_s).toString(), esc(o.value(u"voucherNo"_s).toString()),
                         esc(o.value(u"summary"_s).toString()),
                         o.value(u"direction"_s).toString() == u"credit"_s ? u"支出"_s : u"收入"_s,
                         yuan(o.value(u"amount"_s))});
        }
        html += u"</table>"_s;
    }
    html += u"<p>民主理财小组审核：__________　　公开日期：__________</p></body></html>"_s;
    return html;
}

} // namespace sunshine::collective
