"""An all-Chinese programme and the check that a screen holds no English word: with
`--lang zh`, every word the program itself shows is Chinese."""
import re

ZH_PAGE = """2021中国国际教育年会：开幕式暨全体大会
主题：构建开放、高质量的教育体系
时间：2021年10月22日 09:00-12:00
会场：一号会议厅
嘉宾：张三、李四

国际教育界的同仁将共同探讨高质量发展的新路径。

高等教育国际合作论坛
时间：2021年10月22日 13:30-15:00
会场：二〇一会议室
嘉宾：王芳

分享最新的创新成果与最佳实践。

闭幕式
时间：2021年10月23日 09:00-10:00
会场：一号会议厅

感谢各位的参与。
"""

# Key caps, standards and what the data itself holds (language codes, the zone's name).
ZH_ALLOWED = {"Enter", "Esc", "Tab", "Shift", "Space", "Backspace", "PgUp", "PgDn", "Home", "End", "Ctrl",
              "iCalendar", "GMT", "UTC", "CACIE", "zh", "en", "Asia", "Shanghai"}


def english_words(screen):
    """Runs of two or more Latin letters that are not key names (paths left out)."""
    screen = re.sub(r"\S*/\S*", " ", screen)
    return [w for w in re.findall(r"[A-Za-z]{2,}", screen) if w not in ZH_ALLOWED]
