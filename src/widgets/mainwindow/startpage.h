#pragma once

#include <QFrame>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace weft {

/// What an empty project shows over the canvas: the first steps (a new scheme, a connection,
/// opening a project), the bundled examples and the recent projects. It lies on top of the
/// canvas it is given and keeps itself centred there; MainWindow shows it while the project
/// holds neither a scheme nor a connection.
class StartPage final : public QFrame
{
    Q_OBJECT
public:
    /// The example projects compiled into the designer (:/examples), by resource path.
    static QStringList examples();

    explicit StartPage(QWidget *canvas);

    /// Fills the lists again (the recent projects change as projects are opened).
    void refresh();
    QListWidget *exampleList() const { return m_examples; }
    QListWidget *recentList() const { return m_recent; }

Q_SIGNALS:
    /// The new-integration flow (a scheme from the API catalogue).
    void newIntegrationRequested();
    void newSchemeRequested();
    void newConnectionRequested();
    void openRequested();
    /// An example by its resource path, or a recent project by its file path.
    void exampleRequested(const QString &resource);
    void recentRequested(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void place();

    QLabel *m_title;
    QLabel *m_intro;
    QPushButton *m_newIntegration;
    QPushButton *m_newScheme;
    QPushButton *m_newConnection;
    QPushButton *m_open;
    QLabel *m_examplesLabel;
    QListWidget *m_examples;
    QLabel *m_recentLabel;
    QListWidget *m_recent;
};

} // namespace weft
