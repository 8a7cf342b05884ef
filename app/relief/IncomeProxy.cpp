#include "app/relief/IncomeProxy.h"

#include "app/records/RecordTableModel.h"
#include "app/relief/ReliefQueries.h"
#include "app/sync/ClientSession.h"
#include "common/core/IdCard.h"
#include "common/core/Money.h"
#include "common/relief/RegistryTypes.h"

#include <QColor>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

IncomeProxy::IncomeProxy(ClientSession &session, QObject *parent)
    : ComputedColumnProxy(
          tr("Per-capita income (yuan/year)"),
          [this](const QString &id, int, int role) { return show(id, role); }, parent)
    , m_session(session)
{
    setOnReset([this] { m_cache.clear(); });
}

relief::PerCapitaIncome IncomeProxy::incomeOf(const QString &householdId) const
{
    if (const auto it = m_cache.constFind(householdId); it != m_cache.constEnd())
        return *it;
    const relief::PerCapitaIncome result =
        relief::HouseholdIncomeType::perCapitaOf(reliefquery::incomes(m_session.cache(), householdId));
    m_cache.insert(householdId, result);
    return result;
}

QVariant IncomeProxy::show(const QString &id, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ForegroundRole && role != Qt::ToolTipRole &&
        role != Qt::TextAlignmentRole)
        return {};
    const relief::PerCapitaIncome income = incomeOf(id);
    if (income.quartersRecorded == 0)
        return role == Qt::DisplayRole ? QVariant(tr("no income recorded")) : QVariant();
    switch (role) {
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        return income.atOrAboveLine ? QVariant(QColor(0xb3, 0x26, 0x1e)) : QVariant();
    case Qt::ToolTipRole:
        return tr("%1 yuan a year for the household over %n recorded quarter(s)", nullptr,
                  income.quartersRecorded)
            .arg(money::formatYuan(income.annualFen));
    default:
        return income.atOrAboveLine ? tr("%1 ≥ 7,000").arg(money::formatYuan(income.perCapitaFen))
                                    : money::formatYuan(income.perCapitaFen);
    }
}

MemberAgeProxy::MemberAgeProxy(ClientSession &session, QObject *parent)
    : ComputedColumnProxy(
          tr("Gender, age"),
          [&session](const QString &id, int, int role) -> QVariant {
              if (role != Qt::DisplayRole)
                  return {};
              // Derived from the stored number (masked or not in the table); only gender and age are shown.
              const std::optional<CachedRecord> member = session.cache().record(id);
              const QString number =
                  member ? member->record.fields.value(u"idNumber"_s).toString() : QString();
              const QDate today = chinaDateOf(session.clock().nowMs());
              const IdCard card = IdCard::parse(number, today);
              if (!card.isValid())
                  return {};
              const QString gender = card.gender() == IdCard::Gender::Male ? tr("male") : tr("female");
              return tr("%1, %2").arg(gender).arg(card.ageOn(today));
          },
          parent)
{}

} // namespace sunshine::app
