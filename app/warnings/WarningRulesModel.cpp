#include "app/warnings/WarningRulesModel.h"

#include <QColor>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

WarningRulesModel::WarningRulesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void WarningRulesModel::setAnswer(const QJsonObject &answer)
{
    beginResetModel();
    m_rules = answer.value(u"items"_s).toArray();
    endResetModel();
}

QJsonObject WarningRulesModel::rule(int row) const
{
    return m_rules.at(row).toObject();
}

QString WarningRulesModel::parametersText(const QJsonObject &rule)
{
    QStringList parts;
    const QJsonArray parameters = rule.value(u"parameters"_s).toArray();
    for (const QJsonValue &v : parameters) {
        const QJsonObject p = v.toObject();
        parts.append(u"%1：%2"_s.arg(p.value(u"label"_s).toString()).arg(p.value(u"value"_s).toInteger()));
    }
    return parts.isEmpty() ? u"—"_s : parts.join(u"；"_s);
}

int WarningRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int WarningRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WarningRulesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rules.size())
        return {};
    const QJsonObject r = rule(index.row());
    const bool enabled = r.value(u"enabled"_s).toBool();
    if (role == Qt::ForegroundRole && !enabled)
        return QColor(0x88, 0x88, 0x88);
    if (role == Qt::ToolTipRole)
        return r.value(u"description"_s).toString();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return r.value(u"name"_s).toString();
    case Code:
        return r.value(u"code"_s).toString();
    case Basis:
        return r.value(u"basis"_s).toString();
    case Enabled:
        return enabled ? tr("On") : tr("Off");
    case Version:
        return r.value(u"version"_s).toInt();
    case Parameters:
        return parametersText(r);
    case Description:
        return r.value(u"description"_s).toString();
    default:
        return {};
    }
}

QVariant WarningRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Rule");
    case Code:
        return tr("Code");
    case Basis:
        return tr("Basis");
    case Enabled:
        return tr("In force");
    case Version:
        return tr("Version");
    case Parameters:
        return tr("Parameters");
    case Description:
        return tr("What it finds");
    default:
        return {};
    }
}

} // namespace sunshine::app
