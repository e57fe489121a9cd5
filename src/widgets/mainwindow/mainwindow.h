#pragma once

#include <QMainWindow>

namespace weft {

/// The designer's main window.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace weft
