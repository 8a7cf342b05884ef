#pragma once

#include <QDialog>
#include <QJsonObject>
#include <memory>

namespace Ui {
class DisclosureDialog;
}

namespace sunshine::app {

class ClientSession;

// A supervisor reads the comparison data of an identification case (Art. 26: lawful, logged, confidential).
// The program's cache holds only the count and state of the hits for them; with a stated reason the server
// hands out the case in full (POST /api/v1/records/{id}/disclose) and logs the hand-out with the reason. What
// it hands out is shown here and kept nowhere: closing the dialog forgets it.
class DisclosureDialog : public QDialog
{
    Q_OBJECT
public:
    DisclosureDialog(ClientSession &session, QString caseId, QWidget *parent = nullptr);
    ~DisclosureDialog() override;

    // Asks the server with this reason and shows the answer; false (with problem()) when it refused or could
    // not be reached.
    bool load(const QString &reason);
    QString problem() const;
    // The fields the server handed out (for tests).
    const QJsonObject &fields() const { return m_fields; }

    // Asks the user why they read the data; an empty string when they cancel. For tests, setNextReason()
    // is returned by the next call instead of asking.
    static QString askReason(QWidget *parent);
    static void setNextReason(const QString &reason);

private:
    void present(const QJsonObject &fields);

    std::unique_ptr<Ui::DisclosureDialog> ui;
    ClientSession &m_session;
    QString m_caseId;
    QJsonObject m_fields;
};

} // namespace sunshine::app
