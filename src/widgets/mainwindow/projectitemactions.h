#pragma once

#include <QObject>

class QWidget;

namespace weft {

class ProjectDocument;

/// Edits of a project's connections and schemes that ask first: the connection dialog, and
/// deleting a connection that schemes use, or a scheme with its steps and mapping. Each edit
/// is one undo step; dialogs open over `window`.
class ProjectItemActions final : public QObject
{
    Q_OBJECT
public:
    ProjectItemActions(ProjectDocument *doc, QWidget *window);

    /// Opens the connection dialog for a new (`name` empty) or an existing connection.
    void editConnection(const QString &name = QString());
    void deleteConnection(const QString &name);
    void deleteScheme(const QString &name);

private:
    ProjectDocument *m_doc;
    QWidget *m_window;
};

} // namespace weft
