#pragma once

#include "common/relief/ReliefType.h"

// Assistance (Art. 17-21): weak villages and their paired departments, helpers paired with households,
// quarterly visits, and help requests.
namespace sunshine::relief {

// 经济薄弱村: provincial or city designation, year, collective income; city-designated villages are paired
// with a city department (Art. 19). One record per village.
class WeakVillageType final : public ReliefType
{
public:
    static constexpr const char16_t *kName = u"weak-village";
    WeakVillageType()
        : ReliefType(QString::fromUtf16(kName), QStringLiteral("经济薄弱村"), OrgLevel::Village)
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<QString> writeDenied(const Scope &actor, const sync::Placement &placement) const override;
    static QString recordIdFor(const QString &villageId);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 帮扶责任人: a cadre, village cadre, entrepreneur … who helps one or more households. Kept at the town.
class HelperType final : public ReliefType
{
public:
    static constexpr const char16_t *kName = u"helper";
    HelperType()
        : ReliefType(QString::fromUtf16(kName), QStringLiteral("帮扶责任人"), OrgLevel::Town)
    {}
    QList<sync::FieldSpec> fields() const override;
};

// 结对: a helper and a household (Art. 17-18). One record per helper and household, in the household's
// village.
class PairingType final : public ReliefType
{
public:
    static constexpr const char16_t *kName = u"pairing";
    PairingType()
        : ReliefType(QString::fromUtf16(kName), QStringLiteral("结对帮扶"), OrgLevel::Village)
    {}
    QList<sync::FieldSpec> fields() const override;
    static QString recordIdFor(const QString &helperId, const QString &householdId);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 走访: one per pairing and quarter, made inside the quarter's window, with location, typed photos, notes and
// the quarter's income (Art. 18-20). Entry closes on the 11th of the next quarter's first month.
class VisitType final : public ReliefType
{
public:
    static constexpr const char16_t *kName = u"visit";
    VisitType()
        : ReliefType(QString::fromUtf16(kName), QStringLiteral("走访记录"), OrgLevel::Village)
    {}
    QList<sync::FieldSpec> fields() const override;
    std::optional<qint64> entryClosesAtMs(const QJsonObject &fields) const override;
    static QString recordIdFor(const QString &pairingId, const QString &quarter);
    // The photo fields, in the order the handbook asks for them.
    static QStringList photoFields();

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

// 求助 (Art. 21): raised for a household; accepted and answered within 5 working days; the result within 10
// working days of the assignment slip; the requester's side looks it up by its code.
class HelpRequestType final : public ReliefType
{
public:
    static constexpr const char16_t *kName = u"help-request";
    HelpRequestType()
        : ReliefType(QString::fromUtf16(kName), QStringLiteral("求助事项"), OrgLevel::Village)
    {}
    QList<sync::FieldSpec> fields() const override;
    // The lookup code is unique: the requester's side finds the request by it.
    QList<QPair<QString, QString>> uniqueKeys(const QJsonObject &fields) const override;
    static QString lookupKey(const QString &code) { return QStringLiteral("help-lookup:") + code; }
    // What the requester's side may see: dates, category, answer and result; no names, phones or household.
    static QJsonObject publicView(const QJsonObject &fields, const WorkingCalendar &calendar);

    // The deadline of rule 10 (Art. 21) a request has let pass on `today`, if any: the answer (5 working
    // days from being raised) while unanswered, then the result (10 from the assignment slip) while not
    // done. The one definition: the tables, the dashboard and the HELP_REQUEST_OVERDUE rule ask it.
    struct Overdue
    {
        QString deadline; // "answer" or "result"
        QDate due;
    };
    static std::optional<Overdue> overdue(const QJsonObject &fields, QDate today,
                                          const WorkingCalendar &calendar);

protected:
    std::optional<sync::FieldProblem> checkRules(const QString &recordId, const QJsonObject &fields,
                                                 const sync::Placement &placement,
                                                 const sync::RuleContext &context) const override;
};

} // namespace sunshine::relief
