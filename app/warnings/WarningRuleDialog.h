#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <memory>

class QSpinBox;

namespace Ui {
class WarningRuleDialog;
}

namespace sunshine::app {

class ApiClient;

// A city administrator sets one warning rule: in force or not, and its parameters within their ranges; a dry
// run shows what the rule would raise today with the parameters shown, before they are saved. Saving makes a
// new version of the rule's settings on the server (PUT /api/v1/admin/warnings/rules/{code}).
class WarningRuleDialog : public QDialog
{
    Q_OBJECT
public:
    WarningRuleDialog(ApiClient &api, const QJsonObject &rule, QWidget *parent = nullptr);
    ~WarningRuleDialog() override;

    QString problem() const;
    QString dryRunText() const;
    void setParameter(const QString &name, int value);
    void setEnabled(bool enabled);

public Q_SLOTS:
    void dryRun();
    void save();

private:
    QJsonObject parameters() const;
    // Sends and waits for the answer (the dialog stays responsive); the answer.
    struct Answer
    {
        bool ok = false;
        QJsonObject json;
        QString message;
    };
    Answer call(const QByteArray &verb, const QString &path, const QJsonObject &body);

    std::unique_ptr<Ui::WarningRuleDialog> ui;
    ApiClient &m_api;
    QJsonObject m_rule;
    QHash<QString, QSpinBox *> m_spins;
};

} // namespace sunshine::app
