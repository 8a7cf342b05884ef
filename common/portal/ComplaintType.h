#pragma once

#include "common/portal/ComplaintWorkflow.h"
#include "common/sync/RecordType.h"

// 举报投诉 (Art. 24): one complaint, as the leading-group office keeps it. It sits at the unit whose office
// takes it in (a county, or the city) under that office (the 扶贫办); the portal's intake is written by the
// server, calls, letters and visits are entered by the office. The complainant's identity is confidential:
// the office's reviewers receive it, supervisors with a reason; every hand-out is logged.
namespace sunshine::portal {

// The department code of the leading-group office that takes complaints in (阳光扶贫工作领导小组办公室,
// kept by the 扶贫办).
inline constexpr char16_t kOfficeDepartmentCode[] = u"poverty-office";

class ComplaintType final : public sync::RecordType
{
public:
    static constexpr const char16_t *kName = u"complaint";
    ComplaintType()
        : RecordType(QString::fromUtf16(kName), QStringLiteral("举报投诉"))
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    // The lookup code is unique city-wide: the complainant finds the complaint by it.
    QList<QPair<QString, QString>> uniqueKeys(const QJsonObject &fields) const override;
    static QString lookupKey(const QString &code) { return QStringLiteral("complaint-lookup:") + code; }
    // The steps carry who took them and when; the state, the slip's department and dates, and the deadlines
    // are the history replayed.
    void derive(QJsonObject &fields, const sync::RuleContext &context) const override;
    std::optional<sync::FieldProblem> deleteProblem(const QString &recordId, const QJsonObject &fields,
                                                    const sync::RuleContext &context) const override;

    // What the complainant's lookup shows: state, dates, deadlines, the reply, result and feedback; never the
    // complainant, the content or who handled it.
    static QJsonObject publicView(const QJsonObject &fields);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// The categories of complaint (wire value, Chinese), in pairs.
QStringList complaintCategoryPairs();

} // namespace sunshine::portal
