#pragma once

#include "common/sync/RecordType.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The town's register of its villages' cadres and their close relatives (村干部及近亲属登记), which
// WINNER_RELATED_TO_CADRE holds the winners of the villages' deals against. Kept at the town by its clerks
// and reviewers. The names and ID numbers are need-to-know, like comparison data: the town's clerks and
// reviewers, the reviewers of the county and the city, and supervisors who give a reason receive them;
// everyone else receives nothing of them, and each full hand-out is logged ("cadre-register").
namespace sunshine::trading {

// 村干部及近亲属登记: one person (the cadre, or one close relative of the cadre) per record: the cadre's
// name, ID number and position in one village of the town (the village's org unit code), the relation, the
// person's name and ID number (for 本人 the cadre's own), and the cadre's term of office (either end may be
// open).
class CadreRegisterType final : public sync::RecordType
{
public:
    static constexpr const char16_t *kName = u"village-cadre";
    // What a full hand-out of the register's names and ID numbers is logged as.
    static constexpr const char16_t *kHandoutKind = u"cadre-register";
    // The relation of the cadre to himself or herself (本人).
    static constexpr const char16_t *kSelf = u"self";
    CadreRegisterType()
        : RecordType(QString::fromUtf16(kName), QStringLiteral("村干部及近亲属登记"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    // 本人: the person is the cadre (name and ID number filled in from the cadre's when left empty).
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    // Whether the entry's term of office covers `day` (from ≤ day ≤ to; either end may be open).
    static bool inOfficeOn(const QJsonObject &fields, QDate day);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// The positions (书记, 主任, 委员, 会计/记账员, 监委会主任, 村民小组长, 其他) and the relations (本人, 配偶,
// 父母, 子女, 兄弟姐妹, 子女配偶, 其他近亲属): wire value and Chinese label, in pairs.
QStringList cadrePositionPairs();
QStringList cadreRelationPairs();
// The Chinese label of a position or a relation (the value itself when unknown).
QString cadrePositionChinese(const QString &position);
QString cadreRelationChinese(const QString &relation);

} // namespace sunshine::trading
