#include "common/supervision/SupervisionRules.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::supervision {

QString inspectionKindName(InspectionKind kind)
{
    switch (kind) {
    case InspectionKind::Full:
        return u"full"_s;
    case InspectionKind::Spot:
        return u"spot"_s;
    case InspectionKind::Special:
        return u"special"_s;
    }
    return {};
}

std::optional<InspectionKind> inspectionKindFromName(const QString &name)
{
    for (InspectionKind k : {InspectionKind::Full, InspectionKind::Spot, InspectionKind::Special}) {
        if (inspectionKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QString inspectionKindChinese(InspectionKind kind)
{
    switch (kind) {
    case InspectionKind::Full:
        return u"全面督查"_s;
    case InspectionKind::Spot:
        return u"抽查"_s;
    case InspectionKind::Special:
        return u"专项督查"_s;
    }
    return {};
}

InspectionWindow inspectionWindow(InspectionKind kind, Quarter inspected)
{
    const QDate first = inspected.next().firstDay(); // the first day of the window's quarter
    InspectionWindow w;
    w.kind = kind;
    w.inspected = inspected;
    // Art. 31: 每季度第一个月的 10 日至 20 日 (full) and 20 日至 30 日 (spot checks).
    if (kind == InspectionKind::Spot) {
        w.from = QDate(first.year(), first.month(), 20);
        w.to = QDate(first.year(), first.month(), 30);
    } else {
        w.from = QDate(first.year(), first.month(), 10);
        w.to = QDate(first.year(), first.month(), 20);
    }
    return w;
}

QList<InspectionWindow> openWindows(QDate today)
{
    QList<InspectionWindow> open;
    const Quarter inspected = Quarter::of(today).previous();
    for (InspectionKind k : {InspectionKind::Full, InspectionKind::Spot}) {
        const InspectionWindow w = inspectionWindow(k, inspected);
        if (today >= w.from && today <= w.to)
            open.append(w);
    }
    return open;
}

std::optional<QString> windowProblem(InspectionKind kind, Quarter inspected, QDate startedOn)
{
    if (!startedOn.isValid())
        return u"请填写督查开始日期"_s;
    if (kind == InspectionKind::Special)
        return std::nullopt;
    const InspectionWindow w = inspectionWindow(kind, inspected);
    if (startedOn < w.from || startedOn > w.to)
        return u"%1%2应在 %3 至 %4 之间开展（第三十一条）；其他时间请登记为专项督查"_s.arg(
            inspected.chineseName(), inspectionKindChinese(kind), w.from.toString(Qt::ISODate),
            w.to.toString(Qt::ISODate));
    return std::nullopt;
}

namespace {

// SplitMix64 (Steele, Lea, Flood 2014): the next value and state.
quint64 splitMix64(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// A uniform number in [0, bound) without modulo bias (rejection of the short top range).
quint64 uniformBelow(quint64 &state, quint64 bound)
{
    const quint64 limit = ~quint64(0) - (~quint64(0) % bound);
    quint64 x = 0;
    do {
        x = splitMix64(state);
    } while (x >= limit);
    return x % bound;
}

QStringList sortedUnique(QStringList ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace

QStringList drawSample(QStringList population, int count, quint64 seed)
{
    population = sortedUnique(std::move(population));
    const qsizetype n = population.size();
    const qsizetype k = std::clamp<qsizetype>(count, 0, n);
    quint64 state = seed;
    // Partial Fisher-Yates: position i takes a uniform pick from positions i..n-1.
    for (qsizetype i = 0; i < k; ++i) {
        const qsizetype j = i + qsizetype(uniformBelow(state, quint64(n - i)));
        population.swapItemsAt(i, j);
    }
    return population.mid(0, k);
}

QString populationDigest(QStringList population)
{
    population = sortedUnique(std::move(population));
    return QString::fromLatin1(
        QCryptographicHash::hash(population.join(u'\n').toUtf8(), QCryptographicHash::Sha256).toHex());
}

SpotCheckDraw drawSpotCheck(quint64 seed, const QStringList &villages, int villageCount, int perVillage,
                            const std::function<QStringList(const QString &villageId)> &householdsOf)
{
    SpotCheckDraw d;
    d.villagePopulation = int(sortedUnique(villages).size());
    d.villageDigest = populationDigest(villages);
    d.villages = drawSample(villages, villageCount, seed);
    for (qsizetype i = 0; i < d.villages.size(); ++i) {
        const QStringList households = householdsOf(d.villages.at(i));
        d.households.append(drawSample(households, perVillage, seed + quint64(i) + 1));
        d.householdDigests.append(populationDigest(households));
        d.householdPopulations.append(int(sortedUnique(households).size()));
    }
    return d;
}

QString newSeed()
{
    return QString::number(QRandomGenerator::system()->generate64());
}

std::optional<quint64> seedFromText(const QString &text)
{
    bool ok = false;
    const quint64 v = text.toULongLong(&ok);
    if (!ok || text.isEmpty() || text.size() > 20)
        return std::nullopt;
    return v;
}

QString rectificationStateName(RectificationState state)
{
    switch (state) {
    case RectificationState::Rectifying:
        return u"rectifying"_s;
    case RectificationState::Applied:
        return u"applied"_s;
    case RectificationState::Closed:
        return u"closed"_s;
    }
    return {};
}

std::optional<RectificationState> rectificationStateFromName(const QString &name)
{
    for (RectificationState s :
         {RectificationState::Rectifying, RectificationState::Applied, RectificationState::Closed}) {
        if (rectificationStateName(s) == name)
            return s;
    }
    return std::nullopt;
}

QStringList rectificationStateChoicePairs()
{
    return {u"rectifying"_s, u"整改中"_s, u"applied"_s, u"申请销号"_s, u"closed"_s, u"已销号"_s};
}

bool rectificationOverdue(RectificationState state, QDate dueOn, QDate today)
{
    return state != RectificationState::Closed && dueOn.isValid() && today > dueOn;
}

rules::SqlCondition rectificationOverdueSql(const rules::FieldSql &field, QDate today)
{
    return {u"(%1 <> ? AND %2 < ?)"_s.arg(field(u"state"_s), field(u"dueOn"_s)),
            {rectificationStateName(RectificationState::Closed), today.toString(Qt::ISODate)}};
}

} // namespace sunshine::supervision
