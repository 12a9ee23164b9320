// The ops dashboard: polls the ops API with the operator's token and draws what it says. No libraries, no CDN.
(function () {
    'use strict';

    const TOKEN_KEY = 'appointments.ops.token';
    const params = new URLSearchParams(window.location.search);
    const POLL_MS = Math.max(500, Number(params.get('refreshMs')) || 2000);
    const WINDOW_MS = 5 * 60 * 1000;
    const COLORS = ['#1f6feb', '#2e7d32', '#8e24aa', '#ef6c00', '#00838f', '#6d4c41'];

    const history = [];            // [{t, values: {queueName: visible}}], oldest first
    let timer = null;
    let selectedQueue = null;

    const $ = (id) => document.getElementById(id);

    function token() {
        return sessionStorage.getItem(TOKEN_KEY);
    }

    function setStatus(text, isError, id) {
        const status = $(id || 'status');
        status.textContent = text;
        status.classList.toggle('error', Boolean(isError));
    }

    async function api(path, options) {
        const response = await fetch(path, Object.assign({
            headers: { 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json' }
        }, options || {}));
        if (response.status === 401 || response.status === 403) {
            throw new Error(response.status === 401 ? 'The token is missing, invalid or expired: paste a new one.'
                : 'This token has no ops role.');
        }
        const body = response.headers.get('Content-Type') && response.headers.get('Content-Type').includes('json')
            ? await response.json() : null;
        if (!response.ok) {
            throw new Error((body && (body.detail || body.title)) || ('HTTP ' + response.status));
        }
        return body;
    }

    function cell(text, className) {
        const td = document.createElement('td');
        td.textContent = text;
        if (className) {
            td.className = className;
        }
        return td;
    }

    function button(text, className, onClick) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = text;
        if (className) {
            b.className = className;
        }
        b.addEventListener('click', onClick);
        return b;
    }

    function queueRow(body, queue) {
        let row = body.querySelector('tr[data-queue="' + CSS.escape(queue.name) + '"]');
        if (row) {
            return row;
        }
        row = document.createElement('tr');
        row.dataset.queue = queue.name;
        row.append(cell(queue.name, 'name'), cell('', 'num visible'), cell('', 'num in-flight'), cell('', 'num delayed'),
            cell('', 'num max-receives'), cell(queue.deadLetterQueue.name, 'dlq-name'), cell('', 'num dead-letters'));
        const actions = document.createElement('td');
        actions.className = 'actions';
        actions.append(
            button('Browse', 'secondary browse', () => browse(queue.name)),
            button('Redrive', 'danger redrive', () => confirmRedrive(queue.name, Number(row.dataset.deadLetters))));
        row.append(actions);
        body.append(row);
        return row;
    }

    // Rows are updated in place, so buttons keep focus and hover between refreshes.
    function renderQueues(view) {
        const body = document.querySelector('#queues tbody');
        const names = view.queues.map((queue) => queue.name);
        for (const row of Array.from(body.rows)) {
            if (!names.includes(row.dataset.queue)) {
                row.remove();
            }
        }
        for (const queue of view.queues) {
            const dlq = queue.deadLetterQueue;
            const dead = dlq.visible + dlq.inFlight;
            const row = queueRow(body, queue);
            row.dataset.deadLetters = String(dlq.visible);
            row.querySelector('.visible').textContent = String(queue.visible);
            row.querySelector('.in-flight').textContent = String(queue.inFlight);
            row.querySelector('.delayed').textContent = String(queue.delayed);
            row.querySelector('.max-receives').textContent =
                queue.redrivePolicy ? String(queue.redrivePolicy.maxReceiveCount) : 'none';
            const deadCell = row.querySelector('.dead-letters');
            deadCell.textContent = String(dead);
            deadCell.classList.toggle('nonzero', dead > 0);
            row.querySelector('.redrive').disabled = dlq.visible === 0;
        }
        $('read-at').textContent = 'Read from SQS at ' + new Date().toLocaleTimeString() + '; refreshed every '
            + POLL_MS / 1000 + ' s. Counts are approximate, as SQS reports them.';
    }

    function remember(view) {
        const now = Date.now();
        const values = {};
        for (const queue of view.queues) {
            values[queue.name] = queue.visible;
            values[queue.deadLetterQueue.name] = queue.deadLetterQueue.visible;
        }
        history.push({ t: now, values: values });
        while (history.length && history[0].t < now - WINDOW_MS) {
            history.shift();
        }
    }

    function niceMax(value) {
        if (value <= 5) {
            return 5;
        }
        const power = Math.pow(10, Math.floor(Math.log10(value)));
        for (const step of [1, 2, 2.5, 5, 10]) {
            if (value <= step * power) {
                return step * power;
            }
        }
        return 10 * power;
    }

    function seriesNames() {
        const names = [];
        for (const point of history) {
            for (const name of Object.keys(point.values)) {
                if (!names.includes(name)) {
                    names.push(name);
                }
            }
        }
        return names;
    }

    function drawChart() {
        const canvas = $('chart');
        const ratio = window.devicePixelRatio || 1;
        const width = canvas.clientWidth || 960;
        const height = canvas.clientHeight || 260;
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        const g = canvas.getContext('2d');
        g.setTransform(ratio, 0, 0, ratio, 0, 0);
        g.clearRect(0, 0, width, height);

        const left = 48, right = 12, top = 10, bottom = 26;
        const plotW = width - left - right, plotH = height - top - bottom;
        const now = Date.now();
        const names = seriesNames();
        let max = 0;
        for (const point of history) {
            for (const name of names) {
                max = Math.max(max, point.values[name] || 0);
            }
        }
        max = niceMax(max);
        const x = (t) => left + plotW * (1 - (now - t) / WINDOW_MS);
        const y = (v) => top + plotH * (1 - v / max);

        g.font = '11px system-ui, sans-serif';
        g.strokeStyle = '#d9dee4';
        g.fillStyle = '#5b6877';
        g.lineWidth = 1;
        g.textAlign = 'right';
        g.textBaseline = 'middle';
        for (let i = 0; i <= 4; i++) {
            const v = max * i / 4;
            g.beginPath();
            g.moveTo(left, y(v));
            g.lineTo(left + plotW, y(v));
            g.stroke();
            g.fillText(String(Math.round(v * 10) / 10), left - 6, y(v));
        }
        g.textAlign = 'center';
        g.textBaseline = 'top';
        for (let m = 0; m <= 5; m++) {
            const t = now - m * 60 * 1000;
            g.fillText(m === 0 ? 'now' : '-' + m + ' min', x(t), top + plotH + 6);
        }

        const legend = $('legend');
        legend.replaceChildren();
        // A queue and its dead-letter queue share a colour; the dead-letter line is dashed.
        const bases = [];
        for (const name of names) {
            const base = name.endsWith('-dlq') ? name.slice(0, -4) : name;
            if (!bases.includes(base)) {
                bases.push(base);
            }
        }
        names.forEach((name) => {
            const dead = name.endsWith('-dlq');
            g.strokeStyle = COLORS[bases.indexOf(dead ? name.slice(0, -4) : name) % COLORS.length];
            g.lineWidth = dead ? 1.5 : 2;
            g.setLineDash(dead ? [5, 4] : []);
            g.beginPath();
            let started = false;
            for (const point of history) {
                if (!(name in point.values)) {
                    continue;
                }
                const px = x(point.t), py = y(point.values[name]);
                if (started) {
                    g.lineTo(px, py);
                } else {
                    g.moveTo(px, py);
                    started = true;
                }
            }
            g.stroke();
            const item = document.createElement('li');
            const swatch = document.createElement('span');
            swatch.className = 'swatch' + (dead ? ' dashed' : '');
            swatch.style.borderTopColor = g.strokeStyle;
            item.append(swatch, document.createTextNode(name));
            legend.append(item);
        });
        g.setLineDash([]);
    }

    async function refresh() {
        if (!token()) {
            setStatus('Paste an ops token to start.', true);
            return;
        }
        try {
            const view = await api('api/ops/queues');
            renderQueues(view);
            remember(view);
            drawChart();
            const dead = view.queues.reduce((sum, q) => sum + q.deadLetterQueue.visible + q.deadLetterQueue.inFlight, 0);
            setStatus(dead > 0 ? dead + ' dead letter(s) waiting.' : 'All dead-letter queues are empty.', dead > 0);
            document.body.dataset.loaded = 'true';
        } catch (error) {
            setStatus(error.message, true);
        }
    }

    function field(list, name, value) {
        const dt = document.createElement('dt');
        dt.textContent = name;
        const dd = document.createElement('dd');
        dd.textContent = value;
        list.append(dt, dd);
    }

    function pretty(body) {
        try {
            return JSON.stringify(JSON.parse(body), null, 2);
        } catch (notJson) {
            return body;
        }
    }

    async function browse(queue) {
        selectedQueue = queue;
        $('dead-letters').hidden = false;
        $('dlq-name').textContent = queue;
        const container = $('dlq-messages');
        container.replaceChildren(document.createTextNode('Reading…'));
        try {
            const view = await api('api/ops/dlq/' + encodeURIComponent(queue) + '/messages?limit=50');
            container.replaceChildren();
            if (view.messages.length === 0) {
                container.textContent = 'No dead letters.';
            }
            for (const message of view.messages) {
                const box = document.createElement('article');
                box.className = 'message';
                box.dataset.messageId = message.messageId;
                const list = document.createElement('dl');
                field(list, 'Message id', message.messageId);
                field(list, 'Sent', message.sentAt ? new Date(message.sentAt).toLocaleString() : '?');
                field(list, 'First received', message.firstReceivedAt ? new Date(message.firstReceivedAt).toLocaleString() : '?');
                field(list, 'Receive count', String(message.receiveCount));
                field(list, 'Attributes', Object.entries(message.attributes).map(([k, v]) => k + '=' + v).join(', ') || 'none');
                const pre = document.createElement('pre');
                pre.className = 'body';
                pre.textContent = pretty(message.body);
                box.append(list, pre);
                container.append(box);
            }
        } catch (error) {
            container.textContent = error.message;
        }
    }

    function confirmRedrive(queue, count) {
        const dialog = $('confirm-redrive');
        $('confirm-text').textContent = 'Move ' + count + ' dead letter(s) of ' + queue + '-dlq back to ' + queue
            + '? They will be processed again.';
        dialog.returnValue = '';
        dialog.onclose = () => {
            if (dialog.returnValue === 'confirm') {
                redrive(queue);
            }
        };
        dialog.showModal();
    }

    async function redrive(queue) {
        try {
            let task = await api('api/ops/dlq/' + encodeURIComponent(queue) + '/redrive', { method: 'POST' });
            setStatus('Redrive of ' + queue + ' started.', false, 'action-status');
            while (task.status === 'RUNNING') {
                await new Promise((resolve) => setTimeout(resolve, 1000));
                task = await api('api/ops/redrives/' + encodeURIComponent(task.id));
                setStatus('Redrive of ' + queue + ': ' + task.moved + (task.toMove != null ? ' of ' + task.toMove : '')
                    + ' moved.', false, 'action-status');
            }
            setStatus('Redrive of ' + queue + ' ' + task.status.toLowerCase() + ': ' + task.moved + ' moved'
                + (task.failureReason ? ' (' + task.failureReason + ')' : '') + '.', task.status !== 'COMPLETED', 'action-status');
            await refresh();
            if (selectedQueue === queue) {
                await browse(queue);
            }
        } catch (error) {
            setStatus('Redrive of ' + queue + ' failed: ' + error.message, true, 'action-status');
        }
    }

    function start() {
        if (timer) {
            clearInterval(timer);
        }
        refresh();
        timer = setInterval(refresh, POLL_MS);
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('window-minutes').textContent = String(WINDOW_MS / 60000);
        $('token-form').addEventListener('submit', (event) => {
            event.preventDefault();
            const value = $('token').value.trim();
            if (value) {
                sessionStorage.setItem(TOKEN_KEY, value);
                $('token').value = '';
                start();
            }
        });
        $('forget-token').addEventListener('click', () => {
            sessionStorage.removeItem(TOKEN_KEY);
            if (timer) {
                clearInterval(timer);
            }
            setStatus('Token forgotten. Paste an ops token to start.', true);
        });
        window.addEventListener('resize', drawChart);
        drawChart();
        if (token()) {
            start();
        }
    });
})();
