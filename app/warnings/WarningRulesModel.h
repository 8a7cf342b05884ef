#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace sunshine::app {

// The warning rules as the server lists them (GET /api/v1/warnings/rules): code, name, basis, whether it is
// on, the version of its settings, its parameters and what it finds.
class WarningRulesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Code,
        Basis,
        Enabled,
        Version,
        Parameters,
        Description,
        ColumnCount
    };

    explicit WarningRulesModel(QObject *parent = nullptr);

    // The server's answer; the rows are replaced.
    void setAnswer(const QJsonObject &answer);
    QJsonObject rule(int row) const;
    // "minCount=1, …" with the labels, or "—".
    static QString parametersText(const QJsonObject &rule);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QJsonArray m_rules;
};

} // namespace sunshine::app
