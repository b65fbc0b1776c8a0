<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Allocation</name>
    <message>
        <location filename="../../kisdesk/ui/allocation.py" line="69"/>
        <source>Others ({n})</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/allocation.py" line="169"/>
        <source>No holdings</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/allocation.py" line="196"/>
        <source>Total
{krw} KRW</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/allocation.py" line="229"/>
        <source>{n} overseas holding(s) without a won value left out</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../kisdesk/services/charts.py" line="68"/>
        <source>{n} min</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/charts.py" line="70"/>
        <source>Day</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/charts.py" line="71"/>
        <source>Week</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/charts.py" line="72"/>
        <source>Month</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/charts.py" line="423"/>
        <source>Overseas minute bars are not offered on paper trading (모의투자 미지원).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/charts.py" line="426"/>
        <source>Minute bars of past days are not offered on paper trading (모의투자 미지원).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="136"/>
        <source>Save the visible chart as PNG (P)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="147"/>
        <source>The chart appears here.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="276"/>
        <source>Loading {period} bars of {name}…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="337"/>
        <source>No bars for this symbol and period.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="357"/>
        <source>No symbol: choose one in the order panel</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="387"/>
        <source>O</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="388"/>
        <source>H</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="389"/>
        <source>L</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="390"/>
        <source>C</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="392"/>
        <source>Vol</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="464"/>
        <source>Save chart as PNG</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="466"/>
        <source>PNG images (*.png)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="471"/>
        <source>Could not save {path}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/chart/dock.py" line="473"/>
        <source>Saved {path}</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../kisdesk/ui/confirm_dialog.py" line="57"/>
        <source>Send (Enter)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/confirm_dialog.py" line="97"/>
        <source>Cancel (Esc)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/confirm_dialog.py" line="116"/>
        <source>Enter: send · Esc: back to the order</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/confirm_dialog.py" line="125"/>
        <source>Send anyway (Y)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/confirm_dialog.py" line="127"/>
        <source>Please check again. Y: send anyway · Esc: back</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <location filename="../../kisdesk/services/connection_check.py" line="117"/>
        <source>Nothing was sent: the app key, secret, account number and HTS ID must be ASCII characters without spaces.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../kisdesk/app/controller.py" line="184"/>
        <source>No saved credentials for this environment. Fill in the set-up dialog, or switch to demo from the Environment menu.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/app/controller.py" line="213"/>
        <source>Waiting for the order in flight before closing…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/app/controller.py" line="215"/>
        <source>Waiting for the order in flight before disconnecting…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/app/controller.py" line="225"/>
        <source>An order&apos;s outcome was still unknown when the session ended. It may exist: check today&apos;s executions before sending it again.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/app/controller.py" line="200"/>
        <source>Logged out. Press Retry to connect again.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../kisdesk/ui/crash.py" line="47"/>
        <source>Unexpected error</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/crash.py" line="49"/>
        <source>Something went wrong, but kisdesk keeps running.

{summary}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/crash.py" line="54"/>
        <source>Details were saved to {path}</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>DataTab</name>
    <message>
        <location filename="../../kisdesk/ui/data_tab.py" line="249"/>
        <source>Not connected</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/data_tab.py" line="293"/>
        <source>Updated {time}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/data_tab.py" line="352"/>
        <source>Still waiting for the KIS server to answer ({seconds} s)…</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Env</name>
    <message>
        <location filename="../../kisdesk/ui/env_badge.py" line="14"/>
        <source>DEMO</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/env_badge.py" line="15"/>
        <source>PAPER</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/env_badge.py" line="16"/>
        <source>REAL</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/env_badge.py" line="37"/>
        <source>Orders in this environment use real money</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../kisdesk/services/errors.py" line="44"/>
        <source>Cannot reach the KIS server. Check the network connection.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/errors.py" line="46"/>
        <source>The KIS server is not answering properly (server error).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/errors.py" line="48"/>
        <source>KIS sent an answer kisdesk could not read.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Holdings</name>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="42"/>
        <source>Name</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="43"/>
        <source>Code</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="44"/>
        <source>Quantity</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="45"/>
        <source>Orderable</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="46"/>
        <source>Avg price</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="47"/>
        <source>Price</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="48"/>
        <source>Change</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="51"/>
        <source>Change %</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="55"/>
        <source>Purchase amt</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="56"/>
        <source>Eval amt</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="57"/>
        <source>P&amp;L</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="58"/>
        <source>Return %</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="64"/>
        <source>Deposit</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="65"/>
        <source>D+2 deposit</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="66"/>
        <source>Securities eval</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="67"/>
        <source>Total eval</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="68"/>
        <source>Total P&amp;L</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="69"/>
        <source>Net assets</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="70"/>
        <source>Asset change</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/tab_states.py" line="39"/>
        <location filename="../../kisdesk/ui/tab_states.py" line="57"/>
        <source>Retry</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="150"/>
        <source>No holdings</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="130"/>
        <source>Loading balance…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="160"/>
        <source>Loading balance… page {pages}, {rows} rows</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="132"/>
        <source>Refresh failed: {msg}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/holdings_tab.py" line="131"/>
        <source>Could not load the balance.
{msg}</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="64"/>
        <source>Order panel: go to the symbol field</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="66"/>
        <source>Order panel: 매수 (buy)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="67"/>
        <source>Order panel: 매도 (sell)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="72"/>
        <source>Go to the open orders table</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="78"/>
        <source>Order keys cheat sheet</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="84"/>
        <source>Order panel: domestic ↔ overseas (해외주식)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="90"/>
        <source>Order book ladder: Up/Down a level, Enter = price, Esc back</source>
        <translation>Order book ladder: Up/Down a level, Enter = price, Esc back</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="92"/>
        <source>Switch to 매수 (buy)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="93"/>
        <source>Switch to 매도 (sell)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="98"/>
        <source>Next order type (지정가 / 시장가)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="100"/>
        <source>Price +1 tick</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="101"/>
        <source>Price −1 tick</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="102"/>
        <source>Price +5 ticks</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="103"/>
        <source>Price −5 ticks</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="104"/>
        <source>Price = current price</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="105"/>
        <source>Price = upper limit</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="106"/>
        <source>Price = lower limit</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="107"/>
        <source>Quantity +1</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="108"/>
        <source>Quantity −1</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="113"/>
        <source>Quantity = 10% of the maximum</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="119"/>
        <source>Quantity = 25% of the maximum</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="125"/>
        <source>Quantity = 50% of the maximum</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="131"/>
        <source>Quantity = 100% of the maximum</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="137"/>
        <source>Cancel the selected open order (confirmed)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="143"/>
        <source>Modify the selected open order (confirmed)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="146"/>
        <source>Zoom in (fewer bars)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="147"/>
        <source>Zoom out (more bars)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="148"/>
        <source>Pan back in time</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="149"/>
        <source>Pan forward in time</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="150"/>
        <source>Go to the latest bar</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="151"/>
        <source>1-minute bars</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="152"/>
        <source>3-minute bars</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="153"/>
        <source>5-minute bars</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="154"/>
        <source>10-minute bars</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="155"/>
        <source>30-minute bars</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="156"/>
        <source>60-minute bars</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="157"/>
        <source>Daily bars</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="158"/>
        <source>Weekly bars</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="159"/>
        <source>Monthly bars</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="164"/>
        <source>Save the visible chart as PNG</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="172"/>
        <source>Symbol → side → type → price → quantity → submit</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="174"/>
        <source>Review the order; Enter again in the review sends it</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="177"/>
        <source>Close the review without sending; in the panel: clear it</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="179"/>
        <source>When the fat-finger guard asks again: send anyway</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="315"/>
        <source>Anywhere</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="296"/>
        <location filename="../../kisdesk/ui/keymap.py" line="316"/>
        <source>Order panel</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="317"/>
        <source>Price field</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="318"/>
        <source>Quantity field</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="319"/>
        <source>Open orders</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="293"/>
        <source>(unbound)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="305"/>
        <location filename="../../kisdesk/ui/keymap.py" line="350"/>
        <source>Where</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="306"/>
        <source>Keys</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="307"/>
        <location filename="../../kisdesk/ui/keymap.py" line="349"/>
        <source>Action</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="320"/>
        <source>Chart</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="329"/>
        <source>Order keys</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="351"/>
        <source>Key</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="370"/>
        <source>Restore defaults</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/keymap.py" line="395"/>
        <source>{key} is bound twice ({ids})</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LivePrices</name>
    <message>
        <location filename="../../kisdesk/ui/live_prices.py" line="23"/>
        <source>Live: realtime stream</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/live_prices.py" line="26"/>
        <source>Polled: realtime not available for it now</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/live_prices.py" line="27"/>
        <source>Polled {seconds} s ago: realtime not available for it now</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="55"/>
        <location filename="../../kisdesk/ui/main_window.py" line="135"/>
        <source>Domestic holdings</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="56"/>
        <location filename="../../kisdesk/ui/main_window.py" line="136"/>
        <source>Overseas holdings</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="57"/>
        <location filename="../../kisdesk/ui/main_window.py" line="137"/>
        <source>Rankings</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="59"/>
        <location filename="../../kisdesk/ui/main_window.py" line="138"/>
        <location filename="../../kisdesk/ui/main_window.py" line="236"/>
        <source>Watchlist</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="61"/>
        <source>Allocation</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="64"/>
        <source>Order</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="76"/>
        <source>Chart</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="112"/>
        <source>&amp;File</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="114"/>
        <source>&amp;Export CSV…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="118"/>
        <source>Export chart as &amp;PNG…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="123"/>
        <source>&amp;Quit</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="127"/>
        <source>&amp;View</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="129"/>
        <source>&amp;Refresh</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="147"/>
        <source>&amp;Chart</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="150"/>
        <source>Reset &amp;layout</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="154"/>
        <source>&amp;Environment</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="156"/>
        <source>&amp;Settings</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="159"/>
        <source>&amp;Preferences…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="163"/>
        <source>&amp;Help</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="165"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="199"/>
        <source>This tab has no table to export.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="204"/>
        <source>Export CSV</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="206"/>
        <source>CSV files (*.csv)</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kisdesk/ui/main_window.py" line="211"/>
        <source>Exported %n row(s) to {path}</source>
        <translation>
            <numerusform>Exported %n row to {path}</numerusform>
            <numerusform>Exported %n rows to {path}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="217"/>
        <source>Window</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="220"/>
        <source>Refresh</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="224"/>
        <source>Domestic holdings / Overseas holdings / Rankings / Watchlist</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="228"/>
        <source>Show the chart and give it the keyboard</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="229"/>
        <source>Export the current table as CSV</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="232"/>
        <source>Enter, double-click</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="233"/>
        <source>Sell the selected holding (prefills the order panel)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="238"/>
        <source>Groups: new / rename / delete / move; table: add (Ins), remove, move, send to the order panel</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="244"/>
        <source>Preferences</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="245"/>
        <source>Quit</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/main_window.py" line="219"/>
        <location filename="../../kisdesk/ui/main_window.py" line="258"/>
        <source>Keyboard shortcuts</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="40"/>
        <source>Buy</source>
        <translation>Buy</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="40"/>
        <source>Sell</source>
        <translation>Sell</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="51"/>
        <location filename="../../kisdesk/ui/notices.py" line="78"/>
        <source>{side} rejected {name} {qty} sh</source>
        <translation>{side} rejected {name} {qty} sh</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="56"/>
        <source>{side} filled {name} {qty} sh @{price}</source>
        <translation>{side} filled {name} {qty} sh @{price}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="62"/>
        <source>{side} unfilled remainder cancelled {name} {qty} sh</source>
        <translation>{side} unfilled remainder cancelled {name} {qty} sh</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="64"/>
        <source>{side} cancel confirmed {name} {qty} sh</source>
        <translation>{side} cancel confirmed {name} {qty} sh</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="66"/>
        <source>{side} modify confirmed {name} {qty} sh @{price}</source>
        <translation>{side} modify confirmed {name} {qty} sh @{price}</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/notices.py" line="68"/>
        <source>{side} accepted {name} {qty} sh @{price}</source>
        <translation>{side} accepted {name} {qty} sh @{price}</translation>
    </message>
</context>
<context>
    <name>OpenOrders</name>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="119"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="147"/>
        <source>Time</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="120"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="148"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="201"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="514"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="632"/>
        <source>Name</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="121"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="149"/>
        <source>Code</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="122"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="157"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="519"/>
        <source>Market</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="125"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="152"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="195"/>
        <source>Side</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="131"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="158"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="202"/>
        <source>Type</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="132"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="159"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="203"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="515"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="633"/>
        <source>Price</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="133"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="160"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="204"/>
        <source>Qty</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="134"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="161"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="211"/>
        <source>Filled</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="135"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="179"/>
        <source>Open</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="136"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="180"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="212"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="513"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="631"/>
        <source>Order no.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="137"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="181"/>
        <source>Original</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="146"/>
        <source>Date</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="164"/>
        <source>Avg price</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="172"/>
        <source>Filled amt</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="189"/>
        <source>Sent</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="207"/>
        <source>State</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="213"/>
        <source>Message</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="261"/>
        <location filename="../../kisdesk/ui/open_orders.py" line="637"/>
        <source>Modify order</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="280"/>
        <source>New price</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="284"/>
        <source>Quantity (open {n})</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="294"/>
        <source>Up/Down: ±1 tick or ±1 · Enter: review · Esc: back</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="411"/>
        <source>Refresh</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="413"/>
        <source>Del: cancel · M: modify</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="476"/>
        <source>{what} accepted: ODNO {odno} · {time} · {msg}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="483"/>
        <source>{what}: {msg}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="516"/>
        <source>Open quantity</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="521"/>
        <source>Cancel order</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="522"/>
        <source>{side} 취소 (cancel)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="526"/>
        <source>Cancel the order (Enter)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="536"/>
        <source>Cancel</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="555"/>
        <source>Only limit orders can be modified here (this one is type {code}); cancel it and place a new order instead.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="634"/>
        <source>Quantity</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="638"/>
        <source>{side} 정정 (modify)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="642"/>
        <source>Modify the order (Enter)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="655"/>
        <source>Modify</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="687"/>
        <source>Load</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="694"/>
        <source>From</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="696"/>
        <source>to</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kisdesk/ui/open_orders.py" line="745"/>
        <source>%n order(s) today</source>
        <translation>
            <numerusform>%n order today</numerusform>
            <numerusform>%n orders today</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/open_orders.py" line="758"/>
        <source>Loading…</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kisdesk/ui/open_orders.py" line="767"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderDock</name>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="106"/>
        <source>Confirm before sending</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="109"/>
        <source>Keys…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="127"/>
        <source>Open orders</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="128"/>
        <source>Executions</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="129"/>
        <source>Sent</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="131"/>
        <source>Notices</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="304"/>
        <source>Orders with real money are always confirmed.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="327"/>
        <source>Domestic</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_dock.py" line="328"/>
        <source>Overseas (F8)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>OrderLadder</name>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="40"/>
        <source>Order book</source>
        <translation>Order book</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="164"/>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="169"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="174"/>
        <source>Bid</source>
        <translation>Bid</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="182"/>
        <source>No order book</source>
        <translation>No order book</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="232"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/ladder.py" line="242"/>
        <source>Expected {price} × {qty}</source>
        <translation>Expected {price} × {qty}</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="260"/>
        <source>Code or name (삼성전자, 삼전, ㅅㅅㅈㅈ)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="36"/>
        <source>매수 (buy)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="37"/>
        <source>매도 (sell)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="217"/>
        <source>Symbol</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="222"/>
        <location filename="../../kisdesk/ui/order_review.py" line="89"/>
        <location filename="../../kisdesk/ui/order_review.py" line="225"/>
        <source>Side</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="223"/>
        <location filename="../../kisdesk/ui/order_review.py" line="93"/>
        <location filename="../../kisdesk/ui/order_review.py" line="231"/>
        <source>Type</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="227"/>
        <location filename="../../kisdesk/ui/order_review.py" line="96"/>
        <location filename="../../kisdesk/ui/order_review.py" line="234"/>
        <source>Price</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="228"/>
        <location filename="../../kisdesk/ui/order_review.py" line="97"/>
        <location filename="../../kisdesk/ui/order_review.py" line="235"/>
        <source>Quantity</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="229"/>
        <source>Buying power</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="230"/>
        <location filename="../../kisdesk/ui/order_panel.py" line="526"/>
        <source>Max buyable</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="231"/>
        <location filename="../../kisdesk/ui/order_review.py" line="98"/>
        <location filename="../../kisdesk/ui/order_review.py" line="236"/>
        <source>Amount</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="518"/>
        <source>매수 주문 (Enter)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="520"/>
        <source>매도 주문 (Enter)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="528"/>
        <source>Sellable</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/quote_header.py" line="58"/>
        <location filename="../../kisdesk/ui/quote_header.py" line="93"/>
        <source>loading…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/quote_header.py" line="72"/>
        <location filename="../../kisdesk/ui/quote_header.py" line="115"/>
        <source>Upper {upper} · Lower {lower}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="581"/>
        <source>Cannot send: {reason}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="587"/>
        <source>Not connected.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="589"/>
        <source>An order is being sent…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="593"/>
        <source>The last order&apos;s answer was lost: checking whether it exists. Wait before sending another.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="135"/>
        <source>≈ {amount} (at the upper limit)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="61"/>
        <source>The same order sent at {time} got no answer and was not found; it may still exist. Check open orders and executions: send again?</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="72"/>
        <location filename="../../kisdesk/ui/order_review.py" line="217"/>
        <source>{type} (about {current})</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="76"/>
        <source>market (reserved at {upper})</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="79"/>
        <source>best price (reserved at {upper})</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="90"/>
        <location filename="../../kisdesk/ui/order_review.py" line="226"/>
        <source>Name</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="91"/>
        <location filename="../../kisdesk/ui/order_review.py" line="227"/>
        <source>Code</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="118"/>
        <source>Review order</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="174"/>
        <source>closed</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="175"/>
        <source>pre-market</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="176"/>
        <source>regular session</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="177"/>
        <source>after-market</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="178"/>
        <source>US daytime session (주간거래)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="192"/>
        <source>≈ {krw} KRW</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="228"/>
        <source>Market</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="229"/>
        <location filename="../../kisdesk/ui/overseas_form.py" line="125"/>
        <source>Session</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="237"/>
        <location filename="../../kisdesk/ui/overseas_form.py" line="124"/>
        <source>In won</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_panel.py" line="693"/>
        <source>Not sent: check the order and press Enter again.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="158"/>
        <source>{head}: rejected — {msg}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/order_review.py" line="162"/>
        <source>{head}: {state} · ODNO {odno} · {time}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="102"/>
        <source>Ticker or name (AAPL, 애플, 7203, 텐센트)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="110"/>
        <source>Exchange</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="302"/>
        <source>Tick {tick}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="305"/>
        <source>Lot {lot}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="318"/>
        <source>Price ({ccy})</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="328"/>
        <source>not offered on paper</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_form.py" line="348"/>
        <source>no exchange rate yet</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>OrderRules</name>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="32"/>
        <source>Enter a symbol (code or name).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="33"/>
        <source>No listed issue matches “{text}”.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="34"/>
        <source>Listed issues matching “{text}”: {count}. Enter picks {pick}.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="37"/>
        <source>Listed issues matching “{text}”: {count}. Press Down to choose one.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="40"/>
        <source>Waiting for the price of {code}…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="41"/>
        <source>Trading in {code} is suspended.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="42"/>
        <source>Enter a price.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="43"/>
        <source>The price must be more than 0.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="44"/>
        <source>Not on the tick grid: {tick} won at this price ({below} or {above}).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="47"/>
        <source>Above the upper limit {upper}.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="48"/>
        <source>Below the lower limit {lower}.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="49"/>
        <source>Enter a quantity.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="50"/>
        <source>The quantity must be more than 0.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="51"/>
        <source>The quantity is too large.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="52"/>
        <source>More than the maximum buyable quantity ({max}).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="55"/>
        <source>More than the maximum buyable quantity ({max}): market orders are checked at the upper limit {upper}.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="60"/>
        <source>More than the sellable quantity ({max}).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="63"/>
        <source>Waiting for buying power…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="64"/>
        <source>Waiting for the sellable quantity…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="65"/>
        <source>{type} orders are not offered here.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="66"/>
        <source>More than the open quantity ({max}).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="67"/>
        <source>The modified order needs {need} won; {cash} won is available for it.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="71"/>
        <source>The amount {amount} won is above your limit of {limit} won.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_rules.py" line="74"/>
        <source>The price is {ticks} ticks away from the current price {current}.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="117"/>
        <source>{market} is closed now: orders are taken {hours} KST on weekdays.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="120"/>
        <source>{code} is not traded in the US daytime session.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="123"/>
        <source>{type} orders are not offered on paper trading: limit orders only.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="126"/>
        <source>The US daytime session takes limit orders only, not {type}.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="129"/>
        <source>{type} orders are not offered for this side on {market}.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="132"/>
        <source>KIS takes no market orders for US shares: use a limit price, or an opening or closing auction type.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="137"/>
        <source>{market} takes limit orders only.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="138"/>
        <source>Paper trading takes limit orders only.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="139"/>
        <source>The US daytime session takes limit orders only.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="142"/>
        <source>Not on the tick grid: {tick} {currency} at this price ({below} or {above}).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="145"/>
        <source>This issue trades in lots of {lot} shares ({below} or {above}).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="148"/>
        <source>An odd-lot order is for fewer shares than one lot ({lot}).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="151"/>
        <source>{market} orders can be cancelled but not modified.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="154"/>
        <source>The amount {amount} {currency} (about {krw} won) is above your limit of {limit} won.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>OrderService</name>
    <message>
        <location filename="../../kisdesk/services/orders.py" line="170"/>
        <source>No answer from KIS: the order may exist. Checking today&apos;s orders; do not send it again.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/orders.py" line="691"/>
        <source>Interrupted while sending</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/orders.py" line="725"/>
        <source>Not found in today&apos;s orders after the checks. It may still appear: look at open orders and executions before sending it again.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/services/orders.py" line="886"/>
        <source>Not sent: another order is on its way. Try again in a moment.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>OrderState</name>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="50"/>
        <source>sending…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="51"/>
        <source>accepted</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="52"/>
        <source>rejected</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="53"/>
        <source>unknown — checking</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="54"/>
        <source>not found — check open orders</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="55"/>
        <source>partially filled</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="56"/>
        <source>filled</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_state.py" line="57"/>
        <source>cancelled</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>OrderType</name>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="67"/>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="80"/>
        <source>Limit</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="68"/>
        <source>Market</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="70"/>
        <source>Best price</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="73"/>
        <source>Top of book</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="75"/>
        <source>Limit IOC</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="76"/>
        <source>Limit FOK</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="77"/>
        <source>Market IOC</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="78"/>
        <source>Market FOK</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="80"/>
        <source>Best price IOC</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/order_types.py" line="83"/>
        <source>Best price FOK</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="81"/>
        <source>Market on open</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="82"/>
        <source>Limit on open</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="83"/>
        <source>Market on close</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="84"/>
        <source>Limit on close</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/domain/overseas_orders.py" line="85"/>
        <source>Odd-lot limit</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Overseas</name>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="54"/>
        <source>US stocks that also trade in the daytime session: during daytime hours KIS&apos;s API reports this value from the night session, so it can differ from the daytime price shown in the HTS.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="100"/>
        <source>Name</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="106"/>
        <source>Code</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="112"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="270"/>
        <source>Exchange</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="119"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="195"/>
        <source>Currency</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="125"/>
        <source>Quantity</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="131"/>
        <source>Orderable</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="137"/>
        <source>Avg price</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="143"/>
        <source>Price</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="151"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="207"/>
        <source>Purchase amt</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="157"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="212"/>
        <source>Eval amt</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="164"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="217"/>
        <source>P&amp;L</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="172"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="223"/>
        <source>Return %</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="180"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="233"/>
        <source>FX rate</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="186"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="234"/>
        <source>Eval (KRW)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="198"/>
        <source>Exchanges</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="203"/>
        <source>Holdings</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="229"/>
        <source>Realized P&amp;L</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="263"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="423"/>
        <source>All exchanges</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="265"/>
        <source>Refresh</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="308"/>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="446"/>
        <source>No overseas holdings</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="244"/>
        <source>Loading overseas balance…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="247"/>
        <source>Not connected</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="329"/>
        <source>Loading overseas balance… {done} of {total} queries</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="352"/>
        <source>Some exchanges could not be loaded: {parts}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="246"/>
        <source>Refresh failed: {msg}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="245"/>
        <source>Could not load the overseas balance.
{msg}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="443"/>
        <source>No holdings on this exchange</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="471"/>
        <source>In won: purchase {purchase} · valuation {evaluation} · P&amp;L {pnl}{rate}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="480"/>
        <source>exchange rates per currency are not offered here</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/overseas_tab.py" line="486"/>
        <source>The won view is not available: {msg}</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="45"/>
        <source>Preferences</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="51"/>
        <source> s</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="54"/>
        <source>Each refresh of the domestic balance costs one API call per page (50 rows on real, 20 on paper) out of 20 calls/s (real) or 2 calls/s (paper).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="60"/>
        <source>Auto refresh every</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="63"/>
        <source>Korean (rise red, fall blue)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="64"/>
        <source>Western (rise green, fall red)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="66"/>
        <source>Colours</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="69"/>
        <source>System</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="73"/>
        <source>Language</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="76"/>
        <source>Pop up order notices (the notices log keeps them anyway)</source>
        <translation>Pop up order notices (the notices log keeps them anyway)</translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="82"/>
        <source>A language change applies at the next start.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="96"/>
        <source>General</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="99"/>
        <source>Orders</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="102"/>
        <source>Keys</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="111"/>
        <source>Review every order before it is sent</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="116"/>
        <source>Orders with real money are always confirmed.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="121"/>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="126"/>
        <source>0 switches this check off</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="122"/>
        <source>Ask again above (KRW)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="128"/>
        <source>Ask again beyond (ticks from price)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="130"/>
        <source>Send a hashkey with orders</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="133"/>
        <source>Optional at KIS today; each hashkey costs one API call.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/preferences_dialog.py" line="170"/>
        <source>Enter an amount in won, e.g. 20,000,000</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ProfileSession</name>
    <message>
        <location filename="../../kisdesk/services/profile_session.py" line="80"/>
        <source>No saved keys for this profile in the keyring.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ProfilesMenu</name>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="41"/>
        <source>Demo</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="103"/>
        <source>&amp;New profile…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="105"/>
        <source>&amp;Edit profile…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="108"/>
        <source>&amp;Log out (revoke token)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="112"/>
        <source>&amp;Forget profile</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="124"/>
        <source>Session only: nothing is saved (no secure keyring)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="136"/>
        <source>Switch to {target}?

The current session ends and every table is cleared and reloaded.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="142"/>
        <source>This is a REAL account: orders use real money.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="146"/>
        <source>Switch profile</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="190"/>
        <source>Log out</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="191"/>
        <source>Log out of {target}?

The access token is revoked at KIS; connecting again issues a new one (KIS sends a notice for each).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="200"/>
        <source>Forget {target}?

Its app key, secret, account number and cached tokens are deleted from the keyring. The account itself is not affected.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="206"/>
        <source>It is the current profile: kisdesk switches to demo first.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="210"/>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="250"/>
        <source>Forget profile</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/profiles_menu.py" line="251"/>
        <source>The profile was not forgotten: {msg}</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Rankings</name>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="79"/>
        <source>Rank</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="80"/>
        <source>Code</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="81"/>
        <source>Name</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="82"/>
        <source>Price</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="85"/>
        <source>Change</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="91"/>
        <source>Change %</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="95"/>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="176"/>
        <source>Volume</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="103"/>
        <source>Loan shares</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="105"/>
        <source>Loan amount</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="107"/>
        <source>Loan ratio</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="109"/>
        <source>Loan N-day change</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="112"/>
        <source>Stock-loan shares</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="114"/>
        <source>Stock-loan amount</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="116"/>
        <source>Stock-loan ratio</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="118"/>
        <source>Stock-loan N-day change</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="127"/>
        <source>Prev. volume</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="128"/>
        <source>Avg volume</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="129"/>
        <source>Volume increase</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="131"/>
        <source>Turnover</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="132"/>
        <source>Traded value</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="139"/>
        <source>High</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="140"/>
        <source>Low</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="141"/>
        <source>vs open</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="143"/>
        <source>Days up</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="144"/>
        <source>Days down</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="151"/>
        <source>Listed shares</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="152"/>
        <source>Market cap (100M KRW)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="153"/>
        <source>Market share</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="175"/>
        <source>Credit balance top</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="177"/>
        <source>Top risers</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="178"/>
        <source>Top fallers</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="179"/>
        <source>Market cap</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="188"/>
        <source>All markets</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="189"/>
        <source>KOSPI</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="190"/>
        <source>KOSDAQ</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="191"/>
        <source>KOSPI 200</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="200"/>
        <source>Enter the increase period in days ({low}–{high}).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="202"/>
        <source>The increase period must be from {low} to {high} days.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="204"/>
        <source>The increase period must be a whole number of days, {low}–{high}.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="232"/>
        <source>Refresh failed: {msg}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="256"/>
        <source>Sort</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="257"/>
        <source>Increase period (days)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="263"/>
        <source>FID_OPTION: days over which the balance change is measured, {low}–{high}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="268"/>
        <source>Refresh</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="274"/>
        <source>Market</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="302"/>
        <source>No rows for this ranking</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="230"/>
        <source>Loading ranking…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="233"/>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="499"/>
        <source>Not connected</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="320"/>
        <source>KIS does not offer rankings in paper trading (모의투자 미지원).
They can come from the real environment instead: with a real &quot;market data&quot; app key saved, quotes and rankings are read from real while trading stays on paper.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="328"/>
        <source>Use a real market-data key…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="331"/>
        <source>Opens the profile&apos;s set-up: add a real app key and secret for market data. Orders stay on paper.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="231"/>
        <source>Could not load the ranking.
{msg}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="526"/>
        <source>Base dates {start} – {end}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/rankings_tab.py" line="533"/>
        <source>market data from the real environment</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>RecordTableView</name>
    <message>
        <location filename="../../kisdesk/ui/table_view.py" line="63"/>
        <source>Filter…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/table_view.py" line="91"/>
        <source>Copy</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/table_view.py" line="95"/>
        <source>Export to CSV…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/table_view.py" line="163"/>
        <source>Export to CSV</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/table_view.py" line="165"/>
        <source>CSV files (*.csv)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="62"/>
        <source>No secure keyring is available on this system (for example no Secret Service). kisdesk runs in session-only mode: profiles and keys are kept in memory until you quit, and nothing is saved to disk.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="119"/>
        <source>Edit profile</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="121"/>
        <source>New profile</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="147"/>
        <source>e.g. My paper account</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="148"/>
        <source>Profile name</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="152"/>
        <source>Paper trading (모의투자)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="153"/>
        <source>Real trading (실전투자)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="159"/>
        <source>Environment</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="161"/>
        <source>Orders in this profile use real money.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="170"/>
        <source>36 characters, from the KIS developer portal</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="172"/>
        <source>App key</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="174"/>
        <source>App secret</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="184"/>
        <source>Account number</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="187"/>
        <source>Needed for execution notices</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="188"/>
        <source>HTS ID</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="191"/>
        <source>Market data keys (optional)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="194"/>
        <source>Paper trading does not offer rankings and some quotes. A real app key pair, used only for market data, fills them in. No orders are sent with it.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="204"/>
        <source>Real app key</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="208"/>
        <source>Real app secret</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="213"/>
        <source>&amp;Test connection</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="215"/>
        <source>Issues an access token (KIS allows one a minute) and reads the balance</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="272"/>
        <source>Reading the saved keys from the keyring… (it may ask you to unlock it)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="308"/>
        <source>Could not read the saved keys: {msg}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="289"/>
        <source>No keys for this profile in the keyring: enter them again.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="370"/>
        <source>Enter both the real app key and its secret, or neither.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="393"/>
        <source>ASCII only: full-width or other non-ASCII characters (such as ０-９ or Ａ-Ｚ) are not accepted here.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="401"/>
        <source>No spaces or invisible characters (ASCII letters, digits and symbols only): check what was pasted.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="413"/>
        <source>8 digits, a dash, 2 digits</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="416"/>
        <source>valid account number</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="420"/>
        <source>Account number: ASCII digits 0-9 only, not full-width digits (０-９).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="425"/>
        <source>Account number: 8 digits, a dash, 2 digits</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="436"/>
        <source>Changed since the test: test the connection again.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="469"/>
        <source>Correct the marked fields first: KIS accepts only ASCII there.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="473"/>
        <source>Fill in the app key, secret and account.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="480"/>
        <source>Testing: access token, then balance…</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kisdesk/ui/setup_dialog.py" line="518"/>
        <source>Connected: balance read, %n holding(s).</source>
        <translation>
            <numerusform>Connected: balance read, %n holding.</numerusform>
            <numerusform>Connected: balance read, %n holdings.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="520"/>
        <source>Market-data keys work.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="522"/>
        <source>You can save the profile.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="526"/>
        <source>Market-data keys failed: {msg}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="533"/>
        <source>Connection failed: {msg}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="543"/>
        <source>KIS issues one access token a minute: waiting {s} s…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="563"/>
        <source>Test the connection before saving.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="569"/>
        <source>Choose a profile name that is not used yet.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="576"/>
        <source>Saving to the keyring… (it may ask you to unlock it)</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/setup_dialog.py" line="608"/>
        <source>Could not save: {msg}</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="18"/>
        <source>cannot reach the realtime server</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="19"/>
        <source>the realtime connection was closed</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="20"/>
        <source>the realtime connection went silent</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="21"/>
        <source>another program is using this app key&apos;s realtime connection</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="24"/>
        <source>the realtime server refused the approval key</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="39"/>
        <source>API calls in the last second / limit per second</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="57"/>
        <source>Account {acct}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="62"/>
        <source>Connecting…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="63"/>
        <source>Connected</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="64"/>
        <source>Connection problem</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="65"/>
        <source>Waiting for token limit</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="75"/>
        <source>Updated {time}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="79"/>
        <source>Session only: keys are not saved</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="98"/>
        <source>{used}/{capacity}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="102"/>
        <source> · polling {n}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="107"/>
        <source>Realtime {used}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="109"/>
        <source>Realtime connecting…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="111"/>
        <source>Realtime reconnecting</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="113"/>
        <source>Realtime failed: {why}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="116"/>
        <source>Realtime off</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="118"/>
        <source>Realtime unavailable</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/status_bar.py" line="124"/>
        <source>Realtime stream: registrations used / allowed per session; symbols it cannot carry are polled over REST.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Watchlist</name>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="67"/>
        <source>{seconds} s</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="72"/>
        <source>live</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="74"/>
        <source>polled</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="81"/>
        <source>Code</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="82"/>
        <source>Name</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="83"/>
        <source>Price</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="86"/>
        <source>Change</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="90"/>
        <source>Change %</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="91"/>
        <source>Volume</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="94"/>
        <source>Strength</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="97"/>
        <source>Bid</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="98"/>
        <source>Ask</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="101"/>
        <source>Feed</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="107"/>
        <source>Age</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="191"/>
        <source>New…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="192"/>
        <source>Rename…</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="193"/>
        <source>Delete</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="198"/>
        <source>Import HTS groups</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="201"/>
        <source>Copies the watchlist groups kept on the KIS server for your HTS ID (real accounts only). Later changes here do not go back.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="211"/>
        <source>Groups</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="219"/>
        <source>Add a symbol: code, name or 초성, then Enter</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="226"/>
        <source>Fill from condition</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="231"/>
        <location filename="../../kisdesk/ui/watchlist.py" line="612"/>
        <source>Condition search</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="342"/>
        <source>Group name:</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="350"/>
        <location filename="../../kisdesk/ui/watchlist.py" line="409"/>
        <source>Group {n}</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="351"/>
        <source>New group</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="363"/>
        <source>Rename group</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="371"/>
        <source>Delete group</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="372"/>
        <source>Delete the group {name} and its {n} symbols?</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="411"/>
        <source>{code} is already in this group.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="415"/>
        <source>A group holds at most {n} symbols.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="567"/>
        <source>Importing HTS groups</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="589"/>
        <source>Imported {n} HTS groups (a copy).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="616"/>
        <source>No saved condition: load them from the HTS first.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="631"/>
        <source>{name}: {n} symbols.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="640"/>
        <source>{what}: not connected.</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="644"/>
        <source>{what} is not offered in paper trading (모의투자 미지원).</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../kisdesk/ui/watchlist.py" line="651"/>
        <source>{what} needs your HTS ID (set it in the profile).</source>
        <translation></translation>
    </message>
</context>
</TS>
