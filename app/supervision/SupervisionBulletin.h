#pragma once

#include "common/core/Quarter.h"

#include <QCoreApplication>
#include <memory>

class QTextDocument;

namespace sunshine::app {

class ClientSession;

// The quarterly bulletin (季度通报) of the supervision in the user's area, from the local cache: the warnings
// raised and closed by rule and severity, those still open and escalated; the rectifications ordered, struck
// off and late; the referrals; the inspections and their conclusions; and the accountability decisions made
// public (通报曝光) with their grounds and form. As a document and as an A4 PDF.
class SupervisionBulletin
{
    Q_DECLARE_TR_FUNCTIONS(SupervisionBulletin)

public:
    explicit SupervisionBulletin(ClientSession &session)
        : m_session(session)
    {}
    std::unique_ptr<QTextDocument> document(Quarter quarter) const;
    // The document as HTML (what document() lays out).
    QString html(Quarter quarter) const;
    bool writePdf(Quarter quarter, const QString &path, QString *error) const;

private:
    ClientSession &m_session;
};

} // namespace sunshine::app
