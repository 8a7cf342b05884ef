#pragma once

#include "common/core/Quarter.h"
#include "common/rules/Rules.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

// The dated rules of the supervision (监督, regulation Art. 29-31; MODULES.md §6). Pure functions: "today"
// always comes from the caller.
namespace sunshine::supervision {

// Art. 31: the discipline commission inspects in the first month of each quarter. Days 10-20: a full
// inspection of last quarter's payments and assistance; days 20-30: spot checks of villages and households.
// The days are the regulation's and are calendar days (not moved off weekends and holidays).
enum class InspectionKind
{
    Full,   // 全面督查 (days 10-20)
    Spot,   // 抽查 (days 20-30)
    Special // 专项督查: any time, no window (a complaint, a warning, a leader's instruction)
};
QString inspectionKindName(InspectionKind kind); // "full", "spot", "special"
std::optional<InspectionKind> inspectionKindFromName(const QString &name);
QString inspectionKindChinese(InspectionKind kind); // "全面督查", "抽查", "专项督查"

struct InspectionWindow
{
    InspectionKind kind = InspectionKind::Full;
    QDate from;        // inclusive
    QDate to;          // inclusive
    Quarter inspected; // the quarter the inspection covers: the one before the window's
};
// The window of `kind` (Full or Spot) that inspects `inspected`: in the first month of the quarter after it.
InspectionWindow inspectionWindow(InspectionKind kind, Quarter inspected);
// The windows open on `today` (on the 20th both are), in kind order.
QList<InspectionWindow> openWindows(QDate today);
// Why an inspection of `kind` covering `inspected` cannot start on `startedOn` (Chinese), or nothing. Special
// inspections have no window; the others start within theirs.
std::optional<QString> windowProblem(InspectionKind kind, Quarter inspected, QDate startedOn);

// --- The spot-check draw (Art. 31: 随机抽查) -------------------------------------------------------------
// Drawn by the system from a seed that is kept, so anyone can draw again and get the same sample. The
// population is sorted first (by id), so its order on the day does not matter; the draw is `count` distinct
// members by a partial Fisher-Yates shuffle driven by SplitMix64 from the seed (both fixed here, documented
// for anyone who re-does the draw with other tools).
QStringList drawSample(QStringList population, int count, quint64 seed);
// The SHA-256 (hex) of the sorted population, one id per line: shows the draw was made from this population.
QString populationDigest(QStringList population);
// A seed for a new draw: from the system's random source, as decimal text.
QString newSeed();
// A stored seed, or nothing when it is not a decimal 64-bit number.
std::optional<quint64> seedFromText(const QString &text);

// A spot check's draw: villages from the villages of the inspected unit, then households from each drawn
// village's registered households. The i-th drawn village's households are drawn with seed + i + 1
// (wrapping), so each village's draw can be re-done alone.
struct SpotCheckDraw
{
    int villagePopulation = 0;
    QString villageDigest;           // populationDigest() of the villages drawn from
    QStringList villages;            // in drawn order
    QList<QStringList> households;   // per drawn village, in drawn order
    QStringList householdDigests;    // per drawn village: the digest of its households drawn from
    QList<int> householdPopulations; // per drawn village: how many households it was drawn from
};
SpotCheckDraw drawSpotCheck(quint64 seed, const QStringList &villages, int villageCount, int perVillage,
                            const std::function<QStringList(const QString &villageId)> &householdsOf);

// --- Rectification (整改, Art. 30) ----------------------------------------------------------------------
// The time given to rectify when the one who orders does not set it: 60 calendar days (MODULES.md §6; the
// regulation fixes no time, so every order can set its own).
inline constexpr int kDefaultRectificationDays = 60;

enum class RectificationState
{
    Rectifying, // 整改中
    Applied,    // 申请销号: the responsible unit reports the rectification done
    Closed      // 已销号: verified by the supervisor (the auditor for audit findings)
};
QString rectificationStateName(RectificationState state); // "rectifying", "applied", "closed"
std::optional<RectificationState> rectificationStateFromName(const QString &name);
QStringList rectificationStateChoicePairs();

// Late: not closed and today after the due date.
bool rectificationOverdue(RectificationState state, QDate dueOn, QDate today);
// The same as an SQL condition over stored fields (`field` gives the SQL text expression of a field), with
// its binds in order; tst_supervision_rules runs both over the same records.
rules::SqlCondition rectificationOverdueSql(const rules::FieldSql &field, QDate today);

} // namespace sunshine::supervision
