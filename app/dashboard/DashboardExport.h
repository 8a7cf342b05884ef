#pragma once

#include <QString>

class QPagedPaintDevice;
class QPrinter;
class QWidget;

// A dashboard or one chart on paper: PNG (the widget as shown, QWidget::grab), PDF (drawn as vectors on an A4
// landscape page with a heading) and print (the same page on a printer).
namespace sunshine::app::dashboardexport {

// False with the reason when the file cannot be written.
bool savePng(QWidget *widget, const QString &path, QString *error);
bool savePdf(QWidget *widget, const QString &path, const QString &title, const QString &subtitle,
             QString *error);
// Draws the heading and the widget, scaled to fit, on the device's current page.
bool paint(QWidget *widget, QPagedPaintDevice *device, const QString &title, const QString &subtitle);
// Asks for a printer (the print dialog) and prints; false when cancelled.
bool print(QWidget *widget, const QString &title, const QString &subtitle, QWidget *dialogParent);

} // namespace sunshine::app::dashboardexport
